import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { MessageDeadLettered } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { JetStreamPublisher, namespacedStream, namespacedSubject } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { inboundMessage, publishInbound } from '../support/inbound';
import { newSession, VisitorClient, type VisitorSession } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

// Odd input at every door is refused with the error shape (never a 500, never "accepted" and
// then lost), and a message the consumer gives up reaches the dead letters and its sender.

const SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;

const NUL_TEXT = 'before\u0000after';
const UNPAIRED_SURROGATE_TEXT = 'half an emoji: \ud83d';
const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestingLimit = expect.stringMatching(/must not nest deeper than \d+ levels/) as unknown;

describe('odd input at the doors of the hub', () => {
  let suite: HubSuite;
  let workspace: WorkspaceFixture;
  let gateway: GatewayApi;
  let token: string;
  let db: Client;
  const visitors: VisitorClient[] = [];

  const url = (service: 'gateway' | 'connector-web' | 'conversation') =>
    suite.hub.service(service).url;

  beforeAll(async () => {
    suite = await startHubSuite('odd_input', SERVICES);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    workspace = await createWorkspace(suite.database.url, { ada: AgentRole.Agent });
    gateway = new GatewayApi(url('gateway'));
    const { ada } = workspace.agents;
    token = await gateway.login(workspace.slug, ada.email, ada.password);
  });

  afterEach(async () => {
    await Promise.all(visitors.splice(0).map((visitor) => visitor.close()));
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  async function greetedVisitor(): Promise<{ visitor: VisitorClient; session: VisitorSession }> {
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const { client } = await VisitorClient.greeted(url('connector-web'), {
      token: session.token,
    });
    visitors.push(client);
    return { visitor: client, session };
  }

  async function storedMessagesOf(visitorId: string): Promise<{ client_message_id: string }[]> {
    const { rows } = await db.query<{ client_message_id: string }>(
      `SELECT m.client_message_id FROM conversation.messages m
         JOIN conversation.conversations c ON c.id = m.conversation_id
        WHERE c.customer_external_id = $1 ORDER BY m.seq`,
      [visitorId],
    );
    return rows;
  }

  describe('the visitor socket', () => {
    it.each([
      ['a NUL character', NUL_TEXT],
      ['an unpaired surrogate', UNPAIRED_SURROGATE_TEXT],
    ])('refuses a message holding %s, never accepting it', async (_what, content) => {
      const { visitor, session } = await greetedVisitor();

      visitor.send({ type: 'message.send', ref: 'odd', clientMessageId: 'odd-1', content });
      const error = await visitor.next((f) => f.type === 'error' && f.ref === 'odd');

      expect(error).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ field: 'content', message: expect.stringMatching(/NUL/) as unknown }],
      });
      // The socket stays usable, and the refused message was never admitted.
      visitor.send({ type: 'message.send', ref: 'ok', clientMessageId: 'ok-1', content: 'hi' });
      await visitor.next((f) => f.type === 'message.ack' && f.ref === 'ok');
      expect(visitor.of('message.accepted')).toEqual([
        expect.objectContaining({ clientMessageId: 'ok-1' }),
      ]);
      expect(await storedMessagesOf(session.visitorId)).toEqual([{ client_message_id: 'ok-1' }]);
    });

    it('refuses a client message id that differs from a stored one by trailing whitespace', async () => {
      const { visitor, session } = await greetedVisitor();
      visitor.send({ type: 'message.send', ref: 'a', clientMessageId: 'x', content: 'first' });
      await visitor.next((f) => f.type === 'message.ack' && f.ref === 'a');

      visitor.send({ type: 'message.send', ref: 'b', clientMessageId: 'x ', content: 'second' });
      const error = await visitor.next((f) => f.type === 'error' && f.ref === 'b');

      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ field: 'clientMessageId' }],
      });
      expect(visitor.of('message.accepted')).toHaveLength(1);
      expect(await storedMessagesOf(session.visitorId)).toEqual([{ client_message_id: 'x' }]);
    });

    it('answers an id with a newline 400 VALIDATION_FAILED, not a retryable 503', async () => {
      const { visitor } = await greetedVisitor();

      visitor.send({ type: 'message.send', ref: 'nl', clientMessageId: 'a\nb', content: 'hi' });
      const error = await visitor.next((f) => f.type === 'error' && f.ref === 'nl');

      expect(error).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ field: 'clientMessageId' }],
      });
    });

    it('refuses a hello whose lastSeq is 1e20', async () => {
      const session = await newSession(url('connector-web'), workspace.inboxId);
      const visitor = await VisitorClient.connect(url('connector-web'));
      visitors.push(visitor);

      visitor.send(`{"type":"hello","ref":"h","token":"${session.token}","lastSeq":1e20}`);
      const error = await visitor.next((f) => f.type === 'error');

      expect(error).toMatchObject({
        ref: 'h',
        status: 400,
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ field: 'lastSeq' }],
      });
    });

    it('refuses a 10,000-deep frame with an error frame and stays open', async () => {
      const { visitor } = await greetedVisitor();

      visitor.send(`{"type":"typing","ref":"deep","isTyping":${deepJson(10_000)}}`);
      const error = await visitor.next((f) => f.type === 'error');

      expect(error).toMatchObject({ status: 400, code: 'FRAME_MALFORMED', message: nestingLimit });
      visitor.send({ type: 'ping', ref: 'p' });
      await visitor.next((f) => f.type === 'pong' && f.ref === 'p');
    });
  });

  describe('a message the consumer gives up', () => {
    async function deadLetterOf(streamSeq: number): Promise<MessageDeadLettered> {
      const letters = await jetstream(suite.nc).consumers.get(
        namespacedStream(suite.namespace, 'DEAD_LETTERS'),
        { filter_subjects: namespacedSubject(suite.namespace, 'dlq.inbound.web') },
      );
      let found: MessageDeadLettered | undefined;
      await waitFor(async () => {
        const batch = await letters.fetch({ max_messages: 100, expires: 1_000 });
        for await (const message of batch) {
          const letter = message.json<MessageDeadLettered>();
          if (letter.streamSeq === streamSeq) found = letter;
        }
        return found !== undefined;
      }, 15_000);
      return found!;
    }

    async function deadLettersCounted(reason: string): Promise<number> {
      const response = await fetch(await suite.hub.service('conversation').metricsUrl());
      const line = (await response.text())
        .split('\n')
        .find(
          (text) =>
            text.startsWith('hub_dead_letters_total{') &&
            text.includes('stream="INBOUND"') &&
            text.includes(`reason="${reason}"`),
        );
      return line ? Number(line.split(' ').pop()) : 0;
    }

    // Published straight to JetStream, as a faulty or future connector could: past the edge.
    it.each([
      ['fails its contract', 'invalid', 'VALIDATION_FAILED', { content: NUL_TEXT }],
      ['names an unknown inbox', 'refused', 'INBOX_NOT_FOUND', { inboxId: randomUUID() }],
    ])(
      'dead-letters a message that %s, counts it and tells the visitor message.failed',
      async (_what, reason, code, overrides) => {
        const { visitor, session } = await greetedVisitor();
        const before = await deadLettersCounted(reason);
        const clientMessageId = `lost-${randomUUID()}`;
        const message = inboundMessage(
          { workspaceId: workspace.id, inboxId: workspace.inboxId },
          {
            externalMessageId: `${session.visitorId}:${clientMessageId}`,
            customer: { externalId: session.visitorId },
            clientMessageId,
            ...overrides,
          },
        );
        const { seq } = await publishInbound(
          new JetStreamPublisher(suite.nc, suite.namespace),
          message,
        );

        const failed = await visitor.next(
          (f) => f.type === 'message.failed' && f.clientMessageId === clientMessageId,
        );
        expect(failed).toEqual({ type: 'message.failed', clientMessageId, code });
        const letter = await deadLetterOf(seq);
        expect(letter).toMatchObject({
          stream: 'INBOUND',
          originalSubject: 'inbound.web',
          streamSeq: seq,
          deliveryCount: 1,
          durable: 'conversation_inbound',
          reason,
          code,
          sender: {
            channel: 'web',
            workspaceId: message.workspaceId,
            inboxId: message.inboxId,
            externalId: session.visitorId,
            clientMessageId,
          },
        });
        expect(await deadLettersCounted(reason)).toBe(before + 1);
        expect(await storedMessagesOf(session.visitorId)).toEqual([]);
      },
    );
  });

  describe('the gateway REST API', () => {
    const conversationId = randomUUID();
    const call = (method: string, path: string, body?: unknown) =>
      gateway.call<Record<string, unknown>>(method, path, { token, body });

    it.each([
      ['content with a NUL character', { clientMessageId: 'c-1', content: NUL_TEXT }, 'content'],
      ['an id with a newline', { clientMessageId: 'c\n1', content: 'hi' }, 'clientMessageId'],
      [
        'an id with trailing whitespace',
        { clientMessageId: 'c-1 ', content: 'hi' },
        'clientMessageId',
      ],
    ])('answers a message with %s 400 VALIDATION_FAILED', async (_what, body, field) => {
      const { status, body: answer } = await call(
        'POST',
        `/api/v1/conversations/${conversationId}/messages`,
        body,
      );

      expect(status).toBe(400);
      expect(answer).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field }] });
    });

    it('answers afterSeq=1e20 400 VALIDATION_FAILED', async () => {
      const { status, body } = await call(
        'GET',
        `/api/v1/conversations/${conversationId}/messages?afterSeq=1e20`,
      );

      // Not decimal digits, so it stays text: each number rule of the field says why.
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED' });
      const fields = (body as { fieldErrors: { field: string }[] }).fieldErrors.map((e) => e.field);
      expect(new Set(fields)).toEqual(new Set(['afterSeq']));
    });

    it('answers a customer search for a NUL character 400 VALIDATION_FAILED', async () => {
      const { status, body } = await call('GET', '/api/v1/customers?query=a%00b');

      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'query' }] });
    });

    it('answers a login whose email holds an unpaired surrogate 400 VALIDATION_FAILED', async () => {
      const { status, body } = await gateway.call<Record<string, unknown>>(
        'POST',
        '/api/v1/auth/login',
        { body: { workspace: workspace.slug, email: 'ada@example.com\udc00', password: 'x' } },
      );

      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'email' }] });
    });

    it('answers a 10,000-deep body 400 VALIDATION_FAILED', async () => {
      const { status, body } = await call(
        'POST',
        `/api/v1/conversations/${conversationId}/messages`,
        `{"clientMessageId":"c-1","content":${deepJson(10_000)}}`,
      );

      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'body' }] });
    });
  });

  describe('the agent socket', () => {
    let agent: AgentSocketClient;

    beforeEach(async () => {
      ({ client: agent } = await AgentSocketClient.connect(url('gateway'), token));
    });

    afterEach(() => agent.close());

    it('refuses a message with a NUL character as VALIDATION_FAILED', async () => {
      const reply = await agent.request({
        type: 'message.send',
        conversationId: randomUUID(),
        clientMessageId: 'a-1',
        content: NUL_TEXT,
      });

      expect(reply).toMatchObject({
        type: 'error',
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ field: 'content' }],
      });
    });

    it('refuses a resume from seq 1e20 as VALIDATION_FAILED', async () => {
      agent.sendRaw(`{"type":"resume","ref":"r","conversations":{"${randomUUID()}":1e20}}`);
      const reply = await agent.waitFor((f) => f.ref === 'r');

      expect(reply).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
    });

    it('refuses a 10,000-deep frame as FRAME_MALFORMED', async () => {
      agent.sendRaw(`{"type":"typing","ref":"d","isTyping":${deepJson(10_000)}}`);
      const reply = await agent.waitFor((f) => f.type === 'error');

      expect(reply).toMatchObject({ status: 400, code: 'FRAME_MALFORMED', message: nestingLimit });
      expect(await agent.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    });
  });
});
