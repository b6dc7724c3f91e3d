import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Channel, AgentRole } from '@hub/domain';
import { inboundMessageId, type InboundMessageReceived } from '@hub/contracts';
import { SecretBox } from '@hub/secret-box';
import { waitFor } from '@hub/testing';
import { jetstream } from '@nats-io/jetstream';
import { Client } from 'pg';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import {
  verifyStandardWebhook,
  WebhookReceiver,
  type ReceivedWebhook,
} from '../support/webhook-receiver';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const SECRETS_KEY = randomBytes(32).toString('hex');

interface ApiInbox {
  id: string;
  secret: string;
}

interface Envelope {
  id: string;
  type: string;
  version: number;
  workspaceId: string;
  data: Record<string, unknown>;
}

describe('integrators: the API channel and outbound webhooks', () => {
  let suite: HubSuite;
  let db: Client;
  let api: GatewayApi;
  let receiver: WebhookReceiver;
  let workspace: WorkspaceFixture;
  let adminToken: string;
  let inbox: ApiInbox;

  /** An API inbox whose replies go to the receiver's `/callback`, inserted as the admin API stores it. */
  const createApiInbox = async (workspaceId: string): Promise<ApiInbox> => {
    const secret = randomBytes(24).toString('base64url');
    const settings = {
      api: { callbackUrl: receiver.url('/callback') },
      secrets: { signingSecret: new SecretBox(SECRETS_KEY).seal(secret) },
    };
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO conversation.inboxes (workspace_id, name, channel, settings)
       VALUES ($1, 'Shop app', $2, $3) RETURNING id`,
      [workspaceId, Channel.Api, JSON.stringify(settings)],
    );
    return { id: rows[0].id, secret };
  };

  /** POSTs a body to an API inbox, signed as docs/integrations.md says (or as `sign` overrides). */
  const postMessage = async (
    target: ApiInbox,
    body: string | object,
    sign: { secret?: string; timestamp?: number; omit?: boolean } = {},
  ) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
    const mac = createHmac('sha256', sign.secret ?? target.secret)
      .update(`${timestamp}.${text}`)
      .digest('hex');
    const headers: Record<string, string> = sign.omit
      ? {}
      : { 'x-hub-timestamp': String(timestamp), 'x-hub-signature': `v1=${mac}` };
    return api.call<{ accepted?: boolean; duplicate?: boolean; code?: string }>(
      'POST',
      `/api/v1/inboxes/${target.id}/messages`,
      { body: text, headers: { 'content-type': 'application/json', ...headers } },
    );
  };

  const customerMessage = (contactId = `c-${randomUUID()}`) => ({
    messageId: `m-${randomUUID()}`,
    contact: { id: contactId, name: 'Lin Wei', email: `${contactId}@shop.example` },
    content: 'Where is my order?',
  });

  const storedMessages = async (inboxId: string, channelMessageId?: string) => {
    const { rows } = await db.query<{ id: string; conversation_id: string }>(
      `SELECT m.id, m.conversation_id FROM conversation.messages m
         JOIN conversation.conversations c ON c.id = m.conversation_id
        WHERE c.inbox_id = $1 AND ($2::text IS NULL OR m.channel_message_id = $2)`,
      [inboxId, channelMessageId ?? null],
    );
    return rows;
  };

  const stored = async (inboxId: string, channelMessageId: string) => {
    await waitFor(
      async () => (await storedMessages(inboxId, channelMessageId)).length > 0,
      20_000,
      () => `${channelMessageId} not stored`,
    );
    return (await storedMessages(inboxId, channelMessageId))[0];
  };

  const subscribe = async (path: string, events: string[]) => {
    const { status, body } = await api.call<{ id: string; secret: string }>(
      'POST',
      '/api/v1/webhooks',
      { token: adminToken, body: { url: receiver.url(path), events } },
    );
    expect(status).toBe(201);
    receiver.expectSecret(path, body.secret);
    return body;
  };

  const envelopes = (received: ReceivedWebhook[]): Envelope[] =>
    received.map((r) => JSON.parse(r.body) as Envelope);

  const messagesAt = (path: string, content?: string) =>
    receiver.at(path).filter((r) => {
      const envelope = JSON.parse(r.body) as Envelope;
      return (
        envelope.type === 'message.created' &&
        (content === undefined || envelope.data.content === content)
      );
    });

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    suite = await startHubSuite('integrators', ['gateway', 'conversation', 'crm', 'routing'], {
      SECRETS_KEY,
      WEBHOOK_FIRST_RETRY_MS: '300',
      WEBHOOK_SWEEP_INTERVAL_MS: '100',
      WEBHOOK_PAUSE_AFTER_FAILURES: '3',
      API_INBOX_MESSAGES_PER_MINUTE: '40',
      API_INBOX_MAX_BODY_BYTES: '4096',
    });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    api = new GatewayApi(suite.hub.service('gateway').url);
    workspace = await createWorkspace(
      suite.database.url,
      { admin: AgentRole.Admin, alice: AgentRole.Supervisor },
      { settings: { webhooksAllowPrivateTargets: true } },
    );
    adminToken = await api.login(
      workspace.slug,
      workspace.agents.admin.email,
      workspace.agents.admin.password,
    );
    inbox = await createApiInbox(workspace.id);
    receiver.expectSecret('/callback', inbox.secret);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
    await receiver?.close();
  });

  it('publishes the event catalog as an AsyncAPI 3 document', async () => {
    const { status, body } = await api.call<{
      asyncapi: string;
      channels: Record<string, unknown>;
    }>('GET', '/api/asyncapi.json');
    expect(status).toBe(200);
    expect(body.asyncapi).toBe('3.0.0');
    expect(Object.keys(body.channels).sort()).toEqual([
      'conversation.assigned.v1',
      'conversation.created.v1',
      'conversation.resolved.v1',
      'customer.updated.v1',
      'message.created.v1',
      'ticket.created.v1',
      'ticket.updated.v1',
    ]);
  });

  it('refuses webhook URLs that resolve to loopback, private or link-local addresses unless the workspace allows them', async () => {
    const strict = await createWorkspace(suite.database.url, { admin: AgentRole.Admin });
    const token = await api.login(
      strict.slug,
      strict.agents.admin.email,
      strict.agents.admin.password,
    );
    for (const url of [
      receiver.url('/x'),
      'http://localhost:9/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://10.0.0.7/x',
    ]) {
      const { status, body } = await api.call<{ code: string }>('POST', '/api/v1/webhooks', {
        token,
        body: { url, events: ['message.created'] },
      });
      expect({ url, status, code: body.code }).toEqual({
        url,
        status: 422,
        code: 'WEBHOOK_TARGET_FORBIDDEN',
      });
    }
    const listed = await api.call<unknown[]>('GET', '/api/v1/webhooks', { token });
    expect(listed.body).toEqual([]);

    // Allowed, then forbidden again: the address is checked again at each delivery.
    const allowPrivate = (allowed: boolean) =>
      api.call('PATCH', '/api/v1/workspace/settings', {
        token,
        body: { webhooksAllowPrivateTargets: allowed },
      });
    expect((await allowPrivate(true)).body).toMatchObject({ webhooksAllowPrivateTargets: true });
    const allowed = await api.call<{ id: string; secret: string }>('POST', '/api/v1/webhooks', {
      token,
      body: { url: receiver.url('/strict'), events: ['message.created'] },
    });
    expect(allowed.status).toBe(201);
    await allowPrivate(false);
    await postMessage(await createApiInbox(strict.id), customerMessage());
    const log = () =>
      api.call<{ status: string; lastError: string | null }[]>(
        'GET',
        `/api/v1/webhooks/${allowed.body.id}/deliveries`,
        { token },
      );
    await waitFor(
      async () => (await log()).body[0]?.lastError?.includes('private') === true,
      20_000,
      () => 'delivery not refused',
    );
    expect(receiver.at('/strict')).toEqual([]);
    const agent = await api.call('GET', '/api/v1/webhooks', {
      token: await api.login(
        workspace.slug,
        workspace.agents.alice.email,
        workspace.agents.alice.password,
      ),
    });
    expect(agent.status).toBe(403);
  });

  it('takes a signed message into a conversation, and posts the agent’s reply to the callback signed', async () => {
    const events = await subscribe('/events', ['conversation.created', 'message.created.v1']);
    expect(events.secret).toMatch(/^whsec_/);
    const message = customerMessage();
    const accepted = await postMessage(inbox, message);
    expect(accepted).toMatchObject({ status: 202, body: { accepted: true, duplicate: false } });
    const { conversation_id: conversationId } = await stored(inbox.id, message.messageId);

    const { rows: customers } = await db.query<{ id: string; email: string }>(
      `SELECT c.id, c.email FROM crm.customers c
         JOIN crm.customer_identities i ON i.customer_id = c.id
        WHERE i.channel = 'api' AND i.external_id = $1`,
      [message.contact.id],
    );
    expect(customers.map((c) => c.email)).toEqual([message.contact.email]);

    const aliceToken = await api.login(
      workspace.slug,
      workspace.agents.alice.email,
      workspace.agents.alice.password,
    );
    const reply = await api.call<{ id: string; deliveryStatus: string }>(
      'POST',
      `/api/v1/conversations/${conversationId}/messages`,
      {
        token: aliceToken,
        body: { clientMessageId: randomUUID(), content: 'It ships today.' },
      },
    );
    expect(reply.body).toMatchObject({ deliveryStatus: 'pending' });

    await waitFor(
      () => messagesAt('/callback', 'It ships today.').length > 0,
      20_000,
      () => 'no callback',
    );
    const [callback] = messagesAt('/callback', 'It ships today.');
    expect(callback.verified).toBe(true);
    expect(JSON.parse(callback.body)).toMatchObject({
      type: 'message.created',
      version: 1,
      workspaceId: workspace.id,
      data: {
        messageId: reply.body.id,
        conversationId,
        channel: 'api',
        direction: 'outbound',
        senderType: 'agent',
        content: 'It ships today.',
      },
    });
    const deliveryStatus = async () =>
      (
        await db.query<{ delivery_status: string }>(
          `SELECT delivery_status FROM conversation.messages WHERE id = $1`,
          [reply.body.id],
        )
      ).rows[0]?.delivery_status;
    await waitFor(
      async () => (await deliveryStatus()) === 'sent',
      20_000,
      () => 'not sent',
    );

    await waitFor(
      () => messagesAt('/events').length >= 2,
      20_000,
      () => 'no events',
    );
    const received = envelopes(receiver.at('/events'));
    expect(receiver.at('/events').every((r) => r.verified)).toBe(true);
    expect(
      received
        .filter((e) => e.type === 'conversation.created')
        .map((e) => [e.data.conversationId, e.data.channel]),
    ).toEqual([[conversationId, 'api']]);
    // The tampered copy of a genuine delivery is refused by the integrator.
    const genuine = receiver.at('/events')[0];
    const tampered = await fetch(receiver.url('/events'), {
      method: 'POST',
      headers: {
        'webhook-id': String(genuine.headers['webhook-id']),
        'webhook-timestamp': String(genuine.headers['webhook-timestamp']),
        'webhook-signature': String(genuine.headers['webhook-signature']),
      },
      body: genuine.body.replace('{', '{"refund":"twice",'),
    });
    expect(tampered.status).toBe(401);
  });

  it('signs with the new and the previous secret during a rotation’s overlap, then with the new one only', async () => {
    const first = await subscribe('/rotating', ['message.created']);
    const rotate = (overlapSeconds: number) =>
      api.call<{ secret: string; previousSecretExpiresAt: string | null }>(
        'POST',
        `/api/v1/webhooks/${first.id}/rotate-secret`,
        { token: adminToken, body: { overlapSeconds } },
      );
    const second = await rotate(3600);
    expect(second.status).toBe(200);
    expect(second.body.secret).toMatch(/^whsec_/);
    expect(second.body.secret).not.toBe(first.secret);
    expect(Date.parse(second.body.previousSecretExpiresAt ?? '')).toBeGreaterThan(Date.now());
    receiver.expectSecret('/rotating', second.body.secret);

    const deliveredTo = async (content: string): Promise<ReceivedWebhook> => {
      await postMessage(inbox, { ...customerMessage(), content });
      await waitFor(
        () => messagesAt('/rotating', content).length > 0,
        20_000,
        () => `${content} not delivered`,
      );
      return messagesAt('/rotating', content)[0];
    };
    const during = await deliveredTo('During the overlap');
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyStandardWebhook(second.body.secret, during.headers, during.body)).toBe(true);
    expect(verifyStandardWebhook(first.secret, during.headers, during.body)).toBe(true);

    const third = await rotate(0);
    expect(third.body.previousSecretExpiresAt).toBeNull();
    receiver.expectSecret('/rotating', third.body.secret);
    const after = await deliveredTo('After the overlap');
    expect(verifyStandardWebhook(third.body.secret, after.headers, after.body)).toBe(true);
    expect(verifyStandardWebhook(second.body.secret, after.headers, after.body)).toBe(false);
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
  });

  it('changes a subscription’s URL and events, checking the new URL’s address again', async () => {
    const subscription = await subscribe('/before', ['ticket.created']);
    const patch = (body: object, token = adminToken) =>
      api.call<{ url: string; events: string[]; code?: string }>(
        'PATCH',
        `/api/v1/webhooks/${subscription.id}`,
        { token, body },
      );
    const changed = await patch({ url: receiver.url('/after'), events: ['message.created'] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      url: receiver.url('/after'),
      events: ['message.created.v1'],
    });
    receiver.expectSecret('/after', subscription.secret);
    await postMessage(inbox, { ...customerMessage(), content: 'To the moved URL' });
    await waitFor(
      () => messagesAt('/after', 'To the moved URL').length > 0,
      20_000,
      () => 'not delivered to the new URL',
    );
    expect(messagesAt('/after', 'To the moved URL')[0].verified).toBe(true);
    expect(receiver.at('/before')).toEqual([]);
    expect((await patch({ events: ['no.such.event'] })).status).toBe(400);

    const strict = await createWorkspace(suite.database.url, { admin: AgentRole.Admin });
    const token = await api.login(
      strict.slug,
      strict.agents.admin.email,
      strict.agents.admin.password,
    );
    const allow = (allowed: boolean) =>
      api.call('PATCH', '/api/v1/workspace/settings', {
        token,
        body: { webhooksAllowPrivateTargets: allowed },
      });
    await allow(true);
    const own = await api.call<{ id: string }>('POST', '/api/v1/webhooks', {
      token,
      body: { url: receiver.url('/strict-own'), events: ['message.created'] },
    });
    await allow(false);
    const refused = await api.call<{ code: string }>('PATCH', `/api/v1/webhooks/${own.body.id}`, {
      token,
      body: { url: 'http://169.254.169.254/latest/meta-data' },
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 422,
      code: 'WEBHOOK_TARGET_FORBIDDEN',
    });
    // Another workspace's subscription is unknown to this admin.
    expect((await patch({ events: ['message.created'] }, token)).status).toBe(404);
  });

  it('stores a message once whether it is sent three times at once or again later', async () => {
    const message = customerMessage();
    const answers = await Promise.all([1, 2, 3].map(() => postMessage(inbox, message)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    await stored(inbox.id, message.messageId);
    const again = await postMessage(inbox, message);
    expect(again).toMatchObject({ status: 202, body: { duplicate: true } });
    // Days later the stream's duplicate window is long gone: the same message under another
    // Nats-Msg-Id still stores nothing new, PostgreSQL's unique key is the guarantee.
    const inbound: InboundMessageReceived = {
      workspaceId: workspace.id,
      inboxId: inbox.id,
      channel: Channel.Api,
      externalMessageId: message.messageId,
      customer: { externalId: message.contact.id },
      content: message.content,
      contentType: 'text',
      sentAt: new Date().toISOString(),
    };
    const later = await jetstream(suite.nc).publish(
      `${suite.namespace}.inbound.api`,
      JSON.stringify(inbound),
      { msgID: `${inboundMessageId(inbound)}:days-later` },
    );
    expect(later.duplicate).toBe(false);
    const marker = customerMessage(message.contact.id);
    await postMessage(inbox, marker);
    await stored(inbox.id, marker.messageId);
    expect(await storedMessages(inbox.id, message.messageId)).toHaveLength(1);
  });

  it('answers bad input fast with its status and stores nothing', async () => {
    const before = (await storedMessages(inbox.id)).length;
    const message = customerMessage();
    const cases = [
      { name: 'unsigned', send: () => postMessage(inbox, message, { omit: true }), status: 401 },
      {
        name: 'wrong secret',
        send: () => postMessage(inbox, message, { secret: 'nope' }),
        status: 401,
      },
      {
        name: 'replayed after five minutes',
        send: () => postMessage(inbox, message, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
        status: 401,
      },
      {
        name: 'unknown inbox',
        send: () => postMessage({ ...inbox, id: randomUUID() }, message),
        status: 404,
      },
      {
        name: 'not an inbox id',
        send: () => postMessage({ ...inbox, id: 'x' }, message),
        status: 404,
      },
      {
        name: 'oversized',
        send: () => postMessage(inbox, { ...message, content: 'x'.repeat(5000) }),
        status: 413,
      },
      { name: 'malformed JSON', send: () => postMessage(inbox, '{"messageId": '), status: 400 },
      {
        name: 'invalid fields',
        send: () => postMessage(inbox, { ...message, contact: undefined }),
        status: 400,
      },
    ];
    for (const bad of cases) {
      const { status } = await bad.send();
      expect({ case: bad.name, status }).toEqual({ case: bad.name, status: bad.status });
    }
    const flooded = await createApiInbox(workspace.id);
    const answers = await Promise.all(Array.from({ length: 45 }, () => postMessage(flooded, '{')));
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(5);
    expect(answers.every((a) => a.status === 429 || a.status === 400)).toBe(true);
    expect((await storedMessages(inbox.id)).length).toBe(before);
    expect(await storedMessages(flooded.id)).toEqual([]);
    const health = await fetch(`${suite.hub.service('gateway').url}/health/ready`);
    expect(health.status).toBe(200);
  });

  it('retries a failing receiver with growing waits until it succeeds, and logs each delivery', async () => {
    const webhook = await subscribe('/flaky', ['message.created']);
    receiver.plan('/flaky', [500, 503]);
    const message = customerMessage();
    await postMessage(inbox, message);
    await waitFor(
      () => receiver.at('/flaky').some((r) => r.answered === 200),
      20_000,
      () =>
        `flaky got ${receiver
          .at('/flaky')
          .map((r) => r.answered)
          .join(', ')}`,
    );
    const attempts = receiver
      .at('/flaky')
      .filter((r) => (JSON.parse(r.body) as Envelope).data.content === message.content);
    expect(attempts.map((a) => a.answered)).toEqual([500, 503, 200]);
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    const [first, second, third] = attempts.map((a) => a.at);
    expect(third - second).toBeGreaterThan(second - first);

    const log = () =>
      api.call<{ status: string; attempts: number; lastResponseStatus: number }[]>(
        'GET',
        `/api/v1/webhooks/${webhook.id}/deliveries`,
        { token: adminToken },
      );
    // The receiver has its 200 before the dispatcher records it: wait for the third attempt's record.
    await waitFor(
      async () => (await log()).body[0]?.attempts === 3,
      10_000,
      () => 'third attempt not recorded',
    );
    expect((await log()).body).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 3, lastResponseStatus: 200 }),
    ]);
  });

  it('pauses a subscription after repeated failures, holds its deliveries, and resumes', async () => {
    const webhook = await subscribe('/down', ['message.created']);
    receiver.plan('/down', [500, 500, 500, 500, 500]);
    await postMessage(inbox, customerMessage());
    const read = () =>
      api.call<{ status: string; consecutiveFailures: number }>(
        'GET',
        `/api/v1/webhooks/${webhook.id}`,
        {
          token: adminToken,
        },
      );
    await waitFor(
      async () => (await read()).body.status === 'paused',
      20_000,
      () => 'not paused',
    );
    expect((await read()).body.consecutiveFailures).toBe(3);
    const attemptsWhenPaused = receiver.at('/down').length;
    expect(attemptsWhenPaused).toBe(3);

    receiver.plan('/down', []);
    const resumed = await api.call<{ status: string }>(
      'POST',
      `/api/v1/webhooks/${webhook.id}/resume`,
      {
        token: adminToken,
      },
    );
    expect(resumed.body.status).toBe('active');
    await waitFor(
      () => receiver.at('/down').some((r) => r.answered === 200),
      20_000,
      () => 'held delivery not sent after resuming',
    );
  });

  it('replays a subscription’s events since a time', async () => {
    const since = new Date().toISOString();
    const webhook = await subscribe('/replayed', ['message.created']);
    const message = customerMessage();
    await postMessage(inbox, message);
    await waitFor(
      () => messagesAt('/replayed', message.content).length >= 1,
      20_000,
      () => 'no delivery',
    );
    const before = messagesAt('/replayed').length;
    const replay = await api.call<{ queued: number }>(
      'POST',
      `/api/v1/webhooks/${webhook.id}/replay`,
      {
        token: adminToken,
        body: { since },
      },
    );
    expect(replay.status).toBe(202);
    expect(replay.body.queued).toBeGreaterThanOrEqual(1);
    await waitFor(
      () => messagesAt('/replayed').length >= before + replay.body.queued,
      20_000,
      () => 'replay not delivered',
    );
    expect(receiver.at('/replayed').every((r) => r.verified)).toBe(true);
  });
});
