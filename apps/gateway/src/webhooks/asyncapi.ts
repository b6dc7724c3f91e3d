import {
  PUBLIC_EVENT_CATALOG,
  publicEventKey,
  type JsonSchema,
  type PublicEventDefinition,
} from '@hub/contracts';

const HEADERS: JsonSchema = {
  type: 'object',
  properties: {
    'webhook-id': { type: 'string', description: 'The event’s id; the same on every retry' },
    'webhook-timestamp': { type: 'string', description: 'Unix seconds of this attempt' },
    'webhook-signature': {
      type: 'string',
      description:
        'Space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under the ' +
        'subscription’s secret (the base64 after `whsec_`)',
    },
  },
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
};

function envelopeSchema(event: PublicEventDefinition): JsonSchema {
  return {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The event’s id (also `webhook-id`)' },
      type: { type: 'string', enum: [event.type] },
      version: { type: 'integer', enum: [event.version] },
      timestamp: { type: 'string', format: 'date-time', description: 'When it happened' },
      workspaceId: { type: 'string', format: 'uuid' },
      data: event.schema,
    },
    required: ['id', 'type', 'version', 'timestamp', 'workspaceId', 'data'],
    additionalProperties: false,
  };
}

/**
 * The event catalog as an AsyncAPI 3 document: one channel and one `send` operation per event
 * version (the hub sends; a subscriber's URL receives), each message with its signed headers,
 * its envelope and `data` schema, and an example.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const event of PUBLIC_EVENT_CATALOG) {
    const key = publicEventKey(event.type, event.version);
    messages[key] = {
      name: key,
      title: `${event.type} v${event.version}`,
      summary: event.summary,
      contentType: 'application/json',
      headers: HEADERS,
      payload: envelopeSchema(event),
      examples: [
        {
          name: key,
          payload: {
            id: `conversation.example:${key}`,
            type: event.type,
            version: event.version,
            timestamp: '2026-11-30T09:10:00.000Z',
            workspaceId: '2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7',
            data: event.example,
          },
        },
      ],
    };
    channels[key] = {
      address: null,
      description: `POSTed to each subscription's URL that subscribed to ${key}`,
      messages: { [key]: { $ref: `#/components/messages/${key}` } },
    };
    operations[`send.${key}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${key}` },
      summary: event.summary,
      messages: [{ $ref: `#/channels/${key}/messages/${key}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Hub webhooks',
      version: '1.0.0',
      description:
        'Events the hub POSTs to webhook subscriptions (`/api/v1/webhooks`), signed the ' +
        'Standard Webhooks way and retried with backoff for up to three days. A payload version ' +
        'never changes; a change is a new version beside it. See docs/integrations.md.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
