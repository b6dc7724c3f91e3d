import { createHash, randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  realtimeSubjects,
  SUBJECTS,
  type AssignConversationRequest,
  type MessageView,
  type SendAgentMessageRequest,
  type VisitorReceiptRequest,
} from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { namespacedSubject } from '@hub/messaging';
import { createTestDatabase, testRunId, waitFor } from '@hub/testing';
import { Client } from 'pg';
import { createWorkspaceWithInbox } from '../support/inbound';
import { nestRequest } from '../support/nest-request';
import { standInForRouting } from '../support/routing-stand-in';
import {
  newSession,
  postSession,
  VisitorClient,
  type Frame,
  type VisitorSession,
} from '../support/visitor-client';
import { TestHub } from '../support/test-hub';

// Typed asymmetric matchers (jest's are `any`).
const anyString = (): string => expect.any(String) as string;
const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;

describe('the visitor socket of connector-web', () => {
  const namespace = `${testRunId()}_visitor`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let hub: TestHub;
  let nc: NatsConnection;
  let db: Client;
  let target: { workspaceId: string; inboxId: string };
  let web: string;
  const clients: VisitorClient[] = [];
  const supervisor = { agentId: randomUUID(), role: AgentRole.Supervisor };

  beforeAll(async () => {
    database = await createTestDatabase('visitor_socket');
    hub = await TestHub.start({
      databaseUrl: database.url,
      namespace,
      services: ['conversation', 'crm', 'connector-web'],
      env: { VISITOR_SOCKET_HELLO_TIMEOUT_MS: '1000' },
    });
    web = hub.service('connector-web').url;
    nc = await connect(hub.nats.connectOptions());
    db = new Client({ connectionString: database.url });
    await db.connect();
    target = await createWorkspaceWithInbox(database.url);
    standInForRouting(nc, namespace, [supervisor]);
  }, 60_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await hub?.stop();
    await database?.drop();
  });

  const track = <T extends VisitorClient | { client: VisitorClient }>(value: T): T => {
    clients.push(value instanceof VisitorClient ? value : value.client);
    return value;
  };
  const connect_ = async () => track(await VisitorClient.connect(web));
  const greeted = async (hello: { token: string; lastSeq?: number; conversationId?: string }) =>
    track(await VisitorClient.greeted(web, hello));

  /** Sends a visitor message and waits for its ack. */
  async function sendAndAck(
    client: VisitorClient,
    content: string,
    clientMessageId = randomUUID(),
  ): Promise<Frame> {
    const ref = randomUUID();
    client.send({ type: 'message.send', ref, clientMessageId, content });
    return client.next((f) => f.type === 'message.ack' && f.ref === ref);
  }

  /** An agent's reply, as the gateway asks conversation for it. */
  function agentReply(conversationId: string, content: string): Promise<MessageView> {
    return nestRequest(nc, namespace, SUBJECTS.conversation.sendAgentMessage, {
      workspaceId: target.workspaceId,
      conversationId,
      actor: supervisor,
      clientMessageId: randomUUID(),
      content,
    } satisfies SendAgentMessageRequest);
  }

  const storedByClientId = async (clientMessageId: string) =>
    (
      await db.query<{ id: string; seq: string; conversation_id: string; content: string }>(
        `SELECT id, seq, conversation_id, content FROM conversation.messages WHERE client_message_id = $1`,
        [clientMessageId],
      )
    ).rows;

  describe('sessions', () => {
    it('mints a visitor id and a 256-bit token for a web inbox, storing only the token’s hash', async () => {
      const { status, body } = await postSession(web, { inboxId: target.inboxId });

      expect(status).toBe(201);
      expect(body).toEqual({
        visitorId: matching(/^[0-9a-f-]{36}$/),
        token: matching(/^[A-Za-z0-9_-]{43}$/),
        workspaceId: target.workspaceId,
        inboxId: target.inboxId,
      });
      const { rows } = await db.query(`SELECT * FROM web.visitor_sessions WHERE visitor_id = $1`, [
        body.visitorId,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        workspace_id: target.workspaceId,
        inbox_id: target.inboxId,
        token_hash: createHash('sha256')
          .update(body.token as string)
          .digest('hex'),
      });
      expect(JSON.stringify(rows)).not.toContain(body.token as string);
    });

    it('keeps a returning visitor’s id when its token proves it, and mints a new visitor when it does not', async () => {
      const first = await newSession(web, target.inboxId);

      const back = await postSession(web, {
        inboxId: target.inboxId,
        visitorId: first.visitorId,
        token: first.token,
      });
      const forged = await postSession(web, {
        inboxId: target.inboxId,
        visitorId: first.visitorId,
        token: 'x'.repeat(43),
      });

      expect(back).toMatchObject({
        status: 201,
        body: { visitorId: first.visitorId, token: first.token },
      });
      expect(forged.status).toBe(201);
      expect(forged.body.visitorId).not.toBe(first.visitorId);
    });

    it('refuses an unknown or non-web inbox with 404 INBOX_NOT_FOUND, and a malformed body with 400', async () => {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO conversation.inboxes (workspace_id, name, channel) VALUES ($1, 'Mail', 'email') RETURNING id`,
        [target.workspaceId],
      );

      const unknown = await postSession(web, { inboxId: randomUUID() });
      const email = await postSession(web, { inboxId: rows[0].id });
      const malformed = await postSession(web, { inboxId: 'nope', extra: true });

      for (const refused of [unknown, email]) {
        expect(refused).toEqual({
          status: 404,
          body: { status: 404, code: 'INBOX_NOT_FOUND', message: anyString() },
        });
      }
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(
        (malformed.body.fieldErrors as { field: string }[]).map((e) => e.field).sort(),
      ).toEqual(['extra', 'inboxId']);
    });
  });

  describe('hello', () => {
    it('refuses a bad token with an error frame and close code 4401', async () => {
      const client = await connect_();

      client.send({ type: 'hello', token: 'not-a-token' });

      expect(await client.next((f) => f.type === 'error')).toMatchObject({
        status: 401,
        code: 'INVALID_VISITOR_TOKEN',
      });
      expect((await client.closed).code).toBe(4401);
    });

    it('closes with 4401 when the first frame is not hello, or carries no token', async () => {
      const noHello = await connect_();
      const noToken = await connect_();

      noHello.send({ type: 'message.send', clientMessageId: 'c', content: 'hi' });
      noToken.send({ type: 'hello', ref: 1 });

      expect(await noHello.next((f) => f.type === 'error')).toMatchObject({
        status: 401,
        code: 'HELLO_REQUIRED',
      });
      expect(await noToken.next((f) => f.type === 'error')).toMatchObject({
        ref: 1,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect((await noHello.closed).code).toBe(4401);
      expect((await noToken.closed).code).toBe(4401);
    });

    it.each([
      ['a numeric string', '7'],
      ['a boolean', true],
    ])(
      'refuses a hello whose lastSeq is %s with VALIDATION_FAILED and 4401, converting nothing',
      async (_what, lastSeq) => {
        const session = await newSession(web, target.inboxId);
        const client = await connect_();

        client.send({ type: 'hello', ref: 'h', token: session.token, lastSeq });

        expect(await client.next((f) => f.type === 'error')).toMatchObject({
          ref: 'h',
          status: 400,
          code: 'VALIDATION_FAILED',
          fieldErrors: expect.arrayContaining([
            { field: 'lastSeq', message: 'lastSeq must be an integer number' },
          ]) as unknown,
        });
        expect((await client.closed).code).toBe(4401);
        expect(client.of('welcome')).toEqual([]);
      },
    );

    it('closes with 4401 a socket that says nothing in time', async () => {
      const client = await connect_();

      const { code } = await client.closed;

      expect(code).toBe(4401);
      expect(client.frames).toEqual([
        expect.objectContaining({ type: 'error', code: 'HELLO_TIMEOUT' }),
      ]);
    });

    it('welcomes a new visitor with no conversation and no messages', async () => {
      const session = await newSession(web, target.inboxId);

      const { welcome } = await greeted({ token: session.token });

      expect(welcome).toEqual({
        type: 'welcome',
        visitorId: session.visitorId,
        conversationId: null,
        conversation: null,
        messages: [],
      });
    });
  });

  describe('messages', () => {
    let session: VisitorSession;
    beforeEach(async () => {
      session = await newSession(web, target.inboxId);
    });

    it('says accepted after the durable write, then acks with the stored message’s id and seq', async () => {
      const { client } = await greeted({ token: session.token });
      const clientMessageId = randomUUID();

      client.send({
        type: 'message.send',
        ref: 'r1',
        clientMessageId,
        content: 'Hello, I need help',
      });

      const ack = await client.next((f) => f.type === 'message.ack');
      const accepted = client.frames.findIndex((f) => f.type === 'message.accepted');
      expect(accepted).toBeGreaterThanOrEqual(0);
      expect(accepted).toBeLessThan(client.frames.indexOf(ack));
      expect(client.frames[accepted]).toEqual({
        type: 'message.accepted',
        ref: 'r1',
        clientMessageId,
      });
      const [stored] = await storedByClientId(clientMessageId);
      expect(ack).toEqual({
        type: 'message.ack',
        ref: 'r1',
        clientMessageId,
        messageId: stored.id,
        seq: 1,
        conversationId: stored.conversation_id,
      });
      expect(stored.content).toBe('Hello, I need help');
    });

    it('stores a message sent twice with the same clientMessageId once, acking both with the same id and seq', async () => {
      const { client } = await greeted({ token: session.token });
      const clientMessageId = randomUUID();
      await sendAndAck(client, 'first', randomUUID());

      const first = await sendAndAck(client, 'once only', clientMessageId);
      const second = await sendAndAck(client, 'once only', clientMessageId);

      expect(await storedByClientId(clientMessageId)).toHaveLength(1);
      expect(second).toMatchObject({
        messageId: first.messageId,
        seq: 2,
        conversationId: first.conversationId,
      });
      expect(first.seq).toBe(2);
    });

    it('answers two concurrent sends of one clientMessageId each with its own ref, storing it once', async () => {
      const { client } = await greeted({ token: session.token });
      const clientMessageId = randomUUID();
      const refs = ['first', 'second'];

      for (const ref of refs) {
        client.send({ type: 'message.send', ref, clientMessageId, content: 'said twice' });
      }
      const acks = await Promise.all(
        refs.map((ref) => client.next((f) => f.type === 'message.ack' && f.ref === ref)),
      );

      const [stored] = await storedByClientId(clientMessageId);
      expect(await storedByClientId(clientMessageId)).toHaveLength(1);
      for (const [i, ref] of refs.entries()) {
        expect(acks[i]).toEqual({
          type: 'message.ack',
          ref,
          clientMessageId,
          messageId: stored.id,
          seq: 1,
          conversationId: stored.conversation_id,
        });
        const accepted = client.frames.findIndex(
          (f) => f.type === 'message.accepted' && f.ref === ref,
        );
        expect(accepted).toBeGreaterThanOrEqual(0);
        expect(accepted).toBeLessThan(client.frames.indexOf(acks[i]));
      }
      expect(client.of('message.accepted')).toHaveLength(2);
      expect(client.of('message.ack')).toHaveLength(2);
    });

    it('acks a resend on a new socket after the first socket closed before its ack', async () => {
      const lost = (await greeted({ token: session.token })).client;
      const clientMessageId = randomUUID();
      lost.send({
        type: 'message.send',
        clientMessageId,
        content: 'sent just before the network dropped',
      });
      await lost.close();
      await waitFor(async () => (await storedByClientId(clientMessageId)).length === 1, 15_000);

      const { client } = await greeted({ token: session.token, lastSeq: 0 });
      const ack = await sendAndAck(client, 'sent just before the network dropped', clientMessageId);

      const rows = await storedByClientId(clientMessageId);
      expect(rows).toHaveLength(1);
      expect(ack).toMatchObject({ messageId: rows[0].id, seq: Number(rows[0].seq) });
    });

    it('delivers an agent’s reply live, and tells the visitor’s other tab about its own message', async () => {
      const { client: tab1 } = await greeted({ token: session.token });
      const { client: tab2 } = await greeted({ token: session.token });
      const ack = await sendAndAck(tab1, 'from tab 1');

      const own = await tab2.next((f) => f.type === 'message.created');
      const reply = await agentReply(ack.conversationId as string, 'Hi! How can I help?');

      expect(own).toMatchObject({
        message: { id: ack.messageId, seq: 1, senderType: 'customer', content: 'from tab 1' },
      });
      for (const tab of [tab1, tab2]) {
        expect(
          await tab.next(
            (f) => f.type === 'message.created' && (f.message as MessageView).id === reply.id,
          ),
        ).toEqual({
          type: 'message.created',
          message: reply,
        });
      }
      expect(tab1.of('message.created').map((f) => (f.message as MessageView).seq)).toEqual([2]);
    });

    it('resumes a reconnecting visitor with exactly the messages after its lastSeq, in order, then live', async () => {
      const first = (await greeted({ token: session.token })).client;
      const ack = await sendAndAck(first, 'question');
      const conversationId = ack.conversationId as string;
      await first.close();
      const missed = [];
      for (const n of [1, 2, 3]) missed.push(await agentReply(conversationId, `answer ${n}`));

      const { client, welcome } = await greeted({
        token: session.token,
        lastSeq: 1,
        conversationId,
      });
      const later = await greeted({ token: session.token, lastSeq: 3, conversationId });
      const live = await agentReply(conversationId, 'anything else?');

      expect(welcome).toMatchObject({
        conversationId,
        conversation: { id: conversationId, lastSeq: 4 },
      });
      expect(welcome.messages).toEqual(missed);
      expect((later.welcome.messages as MessageView[]).map((m) => m.seq)).toEqual([4]);
      expect(await client.next((f) => f.type === 'message.created')).toEqual({
        type: 'message.created',
        message: live,
      });
      await later.client.next((f) => f.type === 'message.created');
      expect(
        [...client.frames, ...later.client.frames].filter((f) => f.type === 'message.created'),
      ).toHaveLength(2);
    });

    it('sends the whole of a new conversation when lastSeq belongs to another one', async () => {
      const { client } = await greeted({ token: session.token });
      const ack = await sendAndAck(client, 'hello');

      const { welcome } = await greeted({
        token: session.token,
        lastSeq: 5,
        conversationId: randomUUID(),
      });

      expect((welcome.messages as MessageView[]).map((m) => m.id)).toEqual([ack.messageId]);
    });
  });

  describe('gaps and long absences', () => {
    let session: VisitorSession;
    beforeEach(async () => {
      session = await newSession(web, target.inboxId);
    });

    /** Stores agent messages behind conversation's back: as if their realtime events were lost. */
    async function storeSilently(conversationId: string, count: number): Promise<void> {
      await db.query(
        `WITH c AS (
           UPDATE conversation.conversations SET last_seq = last_seq + $2 WHERE id = $1
           RETURNING workspace_id, inbox_id, last_seq - $2 AS base)
         INSERT INTO conversation.messages
           (workspace_id, conversation_id, inbox_id, seq, direction, sender_type, content, content_type, delivery_status)
         SELECT c.workspace_id, $1, c.inbox_id, c.base + n, 'outbound', 'system', 'silent ' || (c.base + n), 'text', 'sent'
         FROM c, generate_series(1, $2) AS n`,
        [conversationId, count],
      );
    }

    it('fills a gap left by a lost realtime event from the stored history, in order', async () => {
      const { client } = await greeted({ token: session.token });
      const ack = await sendAndAck(client, 'hello');
      const conversationId = ack.conversationId as string;
      await storeSilently(conversationId, 2);

      const reply = await agentReply(conversationId, 'after the gap');

      await client.next(
        (f) => f.type === 'message.created' && (f.message as MessageView).id === reply.id,
      );
      const created = client.of('message.created').map((f) => f.message as MessageView);
      expect(created.map((m) => [m.seq, m.content])).toEqual([
        [2, 'silent 2'],
        [3, 'silent 3'],
        [4, 'after the gap'],
      ]);
    });

    it('sends everything a long-absent visitor missed, past the welcome’s first page, in order', async () => {
      const first = (await greeted({ token: session.token })).client;
      const ack = await sendAndAck(first, 'hello');
      const conversationId = ack.conversationId as string;
      await first.close();
      await storeSilently(conversationId, 700);

      const { client, welcome } = await greeted({
        token: session.token,
        lastSeq: 1,
        conversationId,
      });
      await client.next(
        (f) => f.type === 'message.created' && (f.message as MessageView).seq === 701,
      );

      const seqs = [
        ...(welcome.messages as MessageView[]),
        ...client.of('message.created').map((f) => f.message as MessageView),
      ].map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: 700 }, (_, i) => i + 2));
    });

    it('tells the visitor its conversation changed, without the internal ids', async () => {
      const { client } = await greeted({ token: session.token });
      const ack = await sendAndAck(client, 'anyone?');
      const agentId = randomUUID();

      await nestRequest(nc, namespace, SUBJECTS.conversation.assign, {
        workspaceId: target.workspaceId,
        conversationId: ack.conversationId as string,
        agentId,
        expectedAssigneeId: null,
      } satisfies AssignConversationRequest);

      const updated = await client.next(
        (f) =>
          f.type === 'conversation.updated' &&
          (f.conversation as { status: string }).status === 'assigned',
      );
      expect(updated.conversation).toMatchObject({
        id: ack.conversationId,
        status: 'assigned',
        assigneeId: agentId,
        lastSeq: 1,
      });
      expect(Object.keys(updated.conversation as object).sort()).toEqual([
        'assignee',
        'assigneeId',
        'createdAt',
        'csat',
        'departmentId',
        'id',
        'lastSeq',
        'resolvedAt',
        'status',
        'updatedAt',
      ]);
    });
  });

  describe('bad frames', () => {
    it('answers a bad frame with the error shape and its ref, changing nothing and keeping the socket open', async () => {
      const session = await newSession(web, target.inboxId);
      const { client } = await greeted({ token: session.token });

      client.send({
        type: 'message.send',
        ref: 'bad-1',
        clientMessageId: '',
        content: '',
        sneaky: true,
      });
      client.send({ type: 'message.launch', ref: 'bad-2' });
      client.send('{ not json');
      client.send({ type: 'typing', ref: 'bad-3', isTyping: true });
      client.send({ type: 'draft', ref: 'bad-4', text: 'x'.repeat(2_001) });
      client.send({ type: 'hello', ref: 'bad-5', token: session.token });
      client.send({ type: 'ping', ref: 'still-there' });

      await client.next((f) => f.type === 'pong');
      // Each error carries its frame's ref; replies to different frames may interleave.
      const errors = new Map(client.of('error').map((e) => [e.ref, e]));
      expect(errors.get('bad-1')).toEqual({
        type: 'error',
        ref: 'bad-1',
        status: 400,
        code: 'VALIDATION_FAILED',
        message: anyString(),
        fieldErrors: expect.arrayContaining<unknown>([
          { field: 'clientMessageId', message: anyString() },
          { field: 'content', message: anyString() },
          { field: 'sneaky', message: anyString() },
        ]) as unknown[],
      });
      const summary = [...errors.values()]
        .filter((e) => e.ref !== 'bad-1')
        .map((e) => [e.ref, e.status, e.code]);
      expect(summary).toEqual(
        expect.arrayContaining([
          ['bad-2', 400, 'UNKNOWN_FRAME_TYPE'],
          [undefined, 400, 'FRAME_MALFORMED'],
          ['bad-3', 409, 'NO_CONVERSATION'],
          ['bad-4', 400, 'VALIDATION_FAILED'],
          ['bad-5', 409, 'ALREADY_WELCOMED'],
        ]),
      );
      expect(summary).toHaveLength(5);
      expect(client.frames.at(-1)).toEqual({ type: 'pong', ref: 'still-there' });
      const { rows } = await db.query(
        `SELECT 1 FROM conversation.conversations WHERE customer_external_id = $1`,
        [session.visitorId],
      );
      expect(rows).toHaveLength(0);
    });
  });

  describe('isolation', () => {
    it('never gives visitor A’s token anything of visitor B', async () => {
      const a = await newSession(web, target.inboxId);
      const b = await newSession(web, target.inboxId);
      const { client: socketA } = await greeted({ token: a.token });
      const { client: socketB } = await greeted({ token: b.token });
      const ackA = await sendAndAck(socketA, 'A’s secret');
      const ackB = await sendAndAck(socketB, 'B’s question');
      await agentReply(ackB.conversationId as string, 'reply for B only');
      await socketB.next((f) => f.type === 'message.created');

      // A presents B's conversation id: it is only compared, never looked up.
      const { welcome } = await greeted({
        token: a.token,
        lastSeq: 0,
        conversationId: ackB.conversationId as string,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(ackA.conversationId).not.toBe(ackB.conversationId);
      expect(welcome).toMatchObject({
        visitorId: a.visitorId,
        conversationId: ackA.conversationId,
      });
      expect((welcome.messages as MessageView[]).map((m) => m.content)).toEqual(['A’s secret']);
      const seenByA = JSON.stringify([...socketA.frames, ...clients.at(-1)!.frames]);
      expect(seenByA).not.toContain(ackB.conversationId as string);
      expect(seenByA).not.toContain('reply for B only');
      expect(seenByA).not.toContain('B’s question');
    });
  });

  describe('typing, drafts and queue position', () => {
    it('publishes the visitor’s typing and draft on its conversation, and forwards the agent’s typing and the queue position', async () => {
      const session = await newSession(web, target.inboxId);
      const { client } = await greeted({ token: session.token });
      const ack = await sendAndAck(client, 'typing test');
      const conversationId = ack.conversationId as string;
      const subject = namespacedSubject(namespace, realtimeSubjects.conversation(conversationId));
      const seen: Record<string, unknown>[] = [];
      const sub = nc.subscribe(subject, { callback: (_e, msg) => void seen.push(msg.json()) });
      await nc.flush();

      client.send({ type: 'typing', isTyping: true });
      for (let i = 1; i <= 30; i++) client.send({ type: 'draft', text: 'draft '.repeat(i) });
      nc.publish(
        subject,
        JSON.stringify({
          type: 'typing',
          conversationId,
          by: 'agent',
          agentId: randomUUID(),
          isTyping: true,
        }),
      );
      nc.publish(subject, JSON.stringify({ type: 'queue.position', conversationId, position: 3 }));

      expect(await client.next((f) => f.type === 'typing')).toEqual({
        type: 'typing',
        conversationId,
        by: 'agent',
        isTyping: true,
      });
      expect(await client.next((f) => f.type === 'queue.position')).toEqual({
        type: 'queue.position',
        conversationId,
        position: 3,
      });
      await waitFor(
        () => seen.some((e) => e.type === 'draft' && e.text === 'draft '.repeat(30)),
        5_000,
      );
      sub.unsubscribe();
      expect(seen).toContainEqual({
        type: 'typing',
        conversationId,
        by: 'visitor',
        isTyping: true,
      });
      const drafts = seen.filter((e) => e.type === 'draft');
      // Throttled to ten a second, the latest text last; never echoed back to the visitor.
      expect(drafts.length).toBeLessThan(5);
      expect(drafts.at(-1)).toEqual({
        type: 'draft',
        conversationId,
        workspaceId: target.workspaceId,
        text: 'draft '.repeat(30),
      });
      expect(client.of('typing')).toHaveLength(1);
      expect(client.of('draft')).toHaveLength(0);
    });
  });
  describe('receipts', () => {
    const statuses = async (conversationId: string) =>
      (
        await db.query<{ seq: string; delivery_status: string }>(
          `SELECT seq, delivery_status FROM conversation.messages
            WHERE conversation_id = $1 ORDER BY seq`,
          [conversationId],
        )
      ).rows.map((row) => `${row.seq}:${row.delivery_status}`);

    /** A visitor's conversation, assigned to `agentId`, with three agent replies (seq 2–4). */
    async function answeredConversation(agentId: string) {
      const session = await newSession(web, target.inboxId);
      const { client } = await greeted({ token: session.token });
      const ack = await sendAndAck(client, 'where is my order?');
      const conversationId = ack.conversationId as string;
      await nestRequest(nc, namespace, SUBJECTS.conversation.assign, {
        workspaceId: target.workspaceId,
        conversationId,
        agentId,
        expectedAssigneeId: null,
      } satisfies AssignConversationRequest);
      const replies: MessageView[] = [];
      for (const n of [1, 2, 3]) replies.push(await agentReply(conversationId, `answer ${n}`));
      return { session, client, conversationId, replies };
    }

    it('moves the agent’s replies up to the seq forward to delivered and read, never back, telling the assignee each change once', async () => {
      const agentId = randomUUID();
      const { session, client, conversationId, replies } = await answeredConversation(agentId);
      const [first, second, third] = replies.map((reply) => reply.id);
      const pushed: Record<string, unknown>[] = [];
      const sub = nc.subscribe(namespacedSubject(namespace, realtimeSubjects.agent(agentId)), {
        callback: (_e, msg) => {
          const event = msg.json<Record<string, unknown>>();
          if (event.type === 'message.delivery') pushed.push(event);
        },
      });
      await nc.flush();
      const [visitorMessage] = await statuses(conversationId);

      client.send({ type: 'message.receipt', conversationId, seq: 3, status: 'delivered' });
      await waitFor(async () => (await statuses(conversationId))[2] === '3:delivered', 5_000);
      client.send({ type: 'message.receipt', conversationId, seq: 2, status: 'read' });
      await waitFor(async () => (await statuses(conversationId))[1] === '2:read', 5_000);
      // Another tab, which has forwarded nothing yet: its late `delivered` reaches conversation.
      const { client: tab2 } = await greeted({ token: session.token });
      tab2.send({
        type: 'message.receipt',
        ref: 'late',
        conversationId,
        seq: 4,
        status: 'delivered',
      });
      await waitFor(async () => (await statuses(conversationId))[3] === '4:delivered', 5_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      sub.unsubscribe();

      expect(await statuses(conversationId)).toEqual([
        visitorMessage,
        '2:read',
        '3:delivered',
        '4:delivered',
      ]);
      const push = (messageId: string, deliveryStatus: string) => ({
        type: 'message.delivery',
        conversationId,
        messageId,
        deliveryStatus,
      });
      // One statement moved the first two, in no particular order.
      expect(pushed).toHaveLength(4);
      expect(pushed.slice(0, 2)).toEqual(
        expect.arrayContaining([push(first, 'delivered'), push(second, 'delivered')]),
      );
      expect(pushed.slice(2)).toEqual([push(first, 'read'), push(third, 'delivered')]);
      expect([...client.of('error'), ...tab2.of('error')]).toEqual([]);
    });

    it('refuses a receipt for a conversation that is not the visitor’s, at the socket and in conversation, changing nothing', async () => {
      const { conversationId: theirs } = await answeredConversation(randomUUID());
      const before = await statuses(theirs);
      const intruder = await newSession(web, target.inboxId);
      const { client } = await greeted({ token: intruder.token });

      client.send({
        type: 'message.receipt',
        ref: 'not-mine',
        conversationId: theirs,
        seq: 4,
        status: 'read',
      });
      const refusal = await client.next((f) => f.type === 'error' && f.ref === 'not-mine');
      const direct = nestRequest(nc, namespace, SUBJECTS.conversation.recordVisitorReceipt, {
        workspaceId: target.workspaceId,
        inboxId: target.inboxId,
        visitorId: intruder.visitorId,
        conversationId: theirs,
        seq: 4,
        status: 'read',
      } satisfies VisitorReceiptRequest);

      expect(refusal).toMatchObject({ status: 404, code: 'CONVERSATION_NOT_FOUND' });
      await expect(direct).rejects.toMatchObject({
        body: { status: 404, code: 'CONVERSATION_NOT_FOUND' },
      });
      expect(await statuses(theirs)).toEqual(before);
    });

    it('coalesces a flood of receipts into one forwarding a second, the latest winning', async () => {
      const { client, conversationId } = await answeredConversation(randomUUID());
      const forwarded: { seq: number; status: string }[] = [];
      const sub = nc.subscribe(
        `${namespace}.${SUBJECTS.conversation.recordVisitorReceipt.subject}`,
        {
          callback: (_e, msg) => {
            const { data } = msg.json<{ data: VisitorReceiptRequest }>();
            forwarded.push({ seq: data.seq, status: data.status });
          },
        },
      );
      await nc.flush();

      for (let seq = 1; seq <= 200; seq++) {
        client.send({ type: 'message.receipt', conversationId, seq, status: 'delivered' });
        client.send({ type: 'message.receipt', conversationId, seq: 1, status: 'delivered' });
      }
      client.send({ type: 'message.receipt', conversationId, seq: 3, status: 'read' });
      await waitFor(async () => (await statuses(conversationId))[2] === '3:read', 5_000);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      sub.unsubscribe();

      // The first at once, then everything since merged: read 3 and delivered 200 together.
      expect(forwarded).toEqual([
        { seq: 1, status: 'delivered' },
        { seq: 3, status: 'read' },
        { seq: 200, status: 'delivered' },
      ]);
      expect((await statuses(conversationId)).slice(1)).toEqual([
        '2:read',
        '3:read',
        '4:delivered',
      ]);
      expect(client.of('error')).toEqual([]);
    });
  });

  // Last: it stops connector-web.
  describe('shutdown', () => {
    it('closes visitor sockets with 1001 on SIGTERM, so clients reconnect elsewhere, and exits 0', async () => {
      const session = await newSession(web, target.inboxId);
      const { client } = await greeted({ token: session.token });

      const exitCode = await hub.service('connector-web').stop('SIGTERM');

      expect((await client.closed).code).toBe(1001);
      expect(exitCode).toBe(0);
    });
  });
});
