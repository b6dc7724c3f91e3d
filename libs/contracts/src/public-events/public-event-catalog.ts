import {
  CHANNELS,
  CONTENT_TYPES,
  MESSAGE_DIRECTIONS,
  PRIORITIES,
  SENDER_TYPES,
  TICKET_STATUSES,
} from '@hub/domain';
import { CRM_ACTOR_TYPES } from '../crm/crm-actor';
import { CUSTOMER_ACTIONS } from '../crm/customer-changed';
import {
  closedObject,
  dateTime,
  nullableUuid,
  oneOf,
  text,
  uuid,
  type JsonSchema,
} from './json-schema';

/** The events integrators subscribe webhooks to, by public name. */
export const PUBLIC_EVENT_TYPES = [
  'conversation.created',
  'conversation.assigned',
  'conversation.resolved',
  'message.created',
  'ticket.created',
  'ticket.updated',
  'customer.updated',
] as const;
export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];

/**
 * One version of one public event: what a webhook's `data` holds. A published version is never
 * changed (a spec pins each schema): a changed payload is a new version beside the old one, and
 * subscriptions keep the version they subscribed to.
 */
export interface PublicEventDefinition {
  readonly type: PublicEventType;
  readonly version: number;
  readonly summary: string;
  /** JSON Schema of the envelope's `data`. */
  readonly schema: JsonSchema;
  readonly example: Readonly<Record<string, unknown>>;
}

const ticketSchema = closedObject(
  {
    id: uuid('The ticket'),
    customerId: uuid('The requester'),
    subject: text('The ticket’s subject'),
    status: oneOf(TICKET_STATUSES, 'Workflow status'),
    priority: oneOf(PRIORITIES, 'Priority'),
    categoryId: nullableUuid('Its category, if any'),
    assigneeId: nullableUuid('The agent it is assigned to, if any'),
    departmentId: nullableUuid('Its department, if any'),
    conversationIds: { type: 'array', items: uuid('A linked conversation') },
    dueAt: { type: ['string', 'null'], format: 'date-time', description: 'Follow-up due time' },
    version: { type: 'integer', minimum: 1, description: 'Bumped by every change' },
    createdAt: dateTime('When the ticket was opened'),
  },
  'The ticket after the change',
);

const exampleTicket = {
  id: '5b0c3f9e-4c1a-4a8e-9d3e-0f3a2b1c4d5e',
  customerId: '0d9f8e7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
  subject: 'Order 1042 arrived damaged',
  status: 'open',
  priority: 'high',
  categoryId: null,
  assigneeId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  departmentId: null,
  conversationIds: ['3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9'],
  dueAt: null,
  version: 2,
  createdAt: '2026-11-30T09:12:00.000Z',
};

const fieldChanges: JsonSchema = {
  type: 'array',
  description: 'Each field the change wrote, with its value before and after',
  items: closedObject({
    field: text('The field'),
    from: { description: 'Its value before (null when it was created)' },
    to: { description: 'Its value after' },
  }),
};

/** Every public event version, oldest first. The AsyncAPI document is generated from it. */
export const PUBLIC_EVENT_CATALOG: readonly PublicEventDefinition[] = [
  {
    type: 'conversation.created',
    version: 1,
    summary: 'A customer’s first message opened a new conversation',
    schema: closedObject({
      conversationId: uuid('The conversation'),
      inboxId: uuid('The inbox it came in on'),
      channel: oneOf(CHANNELS, 'The inbox’s channel'),
      customerId: uuid('The customer'),
      departmentId: nullableUuid('The department chosen, if any'),
      createdAt: dateTime('When it was opened'),
    }),
    example: {
      conversationId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
      inboxId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
      channel: 'api',
      customerId: '0d9f8e7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
      departmentId: null,
      createdAt: '2026-11-30T09:10:00.000Z',
    },
  },
  {
    type: 'conversation.assigned',
    version: 1,
    summary: 'An agent owns the conversation now (first assignment or a transfer)',
    schema: closedObject({
      conversationId: uuid('The conversation'),
      assigneeId: uuid('The agent who owns it now'),
      previousAssigneeId: nullableUuid('The agent who owned it before, if any'),
      assignedAt: dateTime('When it was assigned'),
    }),
    example: {
      conversationId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
      assigneeId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
      previousAssigneeId: null,
      assignedAt: '2026-11-30T09:10:02.000Z',
    },
  },
  {
    type: 'conversation.resolved',
    version: 1,
    summary: 'The conversation was resolved',
    schema: closedObject({
      conversationId: uuid('The conversation'),
      assigneeId: nullableUuid('The agent who owned it, if any'),
      resolvedAt: dateTime('When it was resolved'),
    }),
    example: {
      conversationId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
      assigneeId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
      resolvedAt: '2026-11-30T09:30:00.000Z',
    },
  },
  {
    type: 'message.created',
    version: 1,
    summary: 'A message was stored in a conversation (the customer’s, an agent’s or the system’s)',
    schema: closedObject({
      messageId: uuid('The message'),
      conversationId: uuid('Its conversation'),
      inboxId: uuid('The conversation’s inbox'),
      channel: oneOf(CHANNELS, 'The inbox’s channel'),
      customerId: uuid('The conversation’s customer'),
      seq: { type: 'integer', minimum: 1, description: 'Gap-free position in the conversation' },
      direction: oneOf(MESSAGE_DIRECTIONS, 'inbound: from the customer'),
      senderType: oneOf(SENDER_TYPES, 'Who wrote it'),
      senderId: nullableUuid('The agent who wrote it, for agents’ messages'),
      content: text('The text (masked as the workspace masks stored messages)'),
      contentType: oneOf(CONTENT_TYPES, 'What the content is'),
      createdAt: dateTime('When it was stored'),
    }),
    example: {
      messageId: '1e2d3c4b-5a69-4788-9796-a5b4c3d2e1f0',
      conversationId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
      inboxId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
      channel: 'api',
      customerId: '0d9f8e7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
      seq: 1,
      direction: 'inbound',
      senderType: 'customer',
      senderId: null,
      content: 'Where is my order?',
      contentType: 'text',
      createdAt: '2026-11-30T09:10:00.000Z',
    },
  },
  {
    type: 'ticket.created',
    version: 1,
    summary: 'A ticket was opened',
    schema: closedObject({ ticket: ticketSchema, createdAt: dateTime('When it was opened') }),
    example: { ticket: { ...exampleTicket, version: 1 }, createdAt: exampleTicket.createdAt },
  },
  {
    type: 'ticket.updated',
    version: 1,
    summary: 'A ticket changed (status, priority, assignee, links, fields)',
    schema: closedObject({
      ticket: ticketSchema,
      changes: fieldChanges,
      updatedAt: dateTime('When it changed'),
    }),
    example: {
      ticket: exampleTicket,
      changes: [{ field: 'priority', from: 'normal', to: 'high' }],
      updatedAt: '2026-11-30T09:20:00.000Z',
    },
  },
  {
    type: 'customer.updated',
    version: 1,
    summary: 'A customer record was created or changed (fields, tags, VIP, identities, notes)',
    schema: closedObject({
      customerId: uuid('The customer'),
      action: oneOf(CUSTOMER_ACTIONS, 'What the change did'),
      vip: { type: 'boolean', description: 'The customer is a VIP after the change' },
      changes: fieldChanges,
      actorType: oneOf(CRM_ACTOR_TYPES, 'Who changed it'),
      updatedAt: dateTime('When it changed'),
    }),
    example: {
      customerId: '0d9f8e7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
      action: 'updated',
      vip: true,
      changes: [{ field: 'vip', from: false, to: true }],
      actorType: 'agent',
      updatedAt: '2026-11-30T09:15:00.000Z',
    },
  },
];

/** `conversation.created.v1`: how a subscription names one version of an event. */
export function publicEventKey(type: PublicEventType, version: number): string {
  return `${type}.v${version}`;
}

/** The newest version of each event type. */
export function latestPublicEvent(type: PublicEventType): PublicEventDefinition {
  const versions = PUBLIC_EVENT_CATALOG.filter((event) => event.type === type);
  return versions.reduce((latest, event) => (event.version > latest.version ? event : latest));
}

/** The catalog entry of `conversation.created.v1`, or undefined when there is none. */
export function findPublicEvent(key: string): PublicEventDefinition | undefined {
  return PUBLIC_EVENT_CATALOG.find((event) => publicEventKey(event.type, event.version) === key);
}

/**
 * What a webhook delivery's body is: the event's id (also the `webhook-id` header), its type
 * and version, when it happened, the workspace, and `data` of the version's schema.
 */
export interface PublicEventEnvelope {
  id: string;
  type: PublicEventType;
  version: number;
  timestamp: string;
  workspaceId: string;
  data: Record<string, unknown>;
}
