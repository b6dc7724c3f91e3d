import { randomUUID } from 'node:crypto';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient, type Frame } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { newSession, VisitorClient } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const CHAT_SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;

/** The agent's view of messages: what arrived live, plus what a resume filled in. */
function messagesOf(frames: Frame[], conversationId: string): { seq: number; content: string }[] {
  const bySeq = new Map<number, string>();
  for (const frame of frames) {
    const message = frame.message as
      { conversationId: string; seq: number; content: string } | undefined;
    if (frame.type === 'message.created' && message?.conversationId === conversationId) {
      bySeq.set(message.seq, message.content);
    }
  }
  return [...bySeq].sort(([a], [b]) => a - b).map(([seq, content]) => ({ seq, content }));
}

describe('web chat through every service', () => {
  let suite: HubSuite;
  let workspace: WorkspaceFixture;
  let agent: AgentSocketClient;
  let db: Client;

  const url = (service: 'gateway' | 'connector-web') => suite.hub.service(service).url;

  beforeAll(async () => {
    // A visitor here sends bursts of 60: the test is about delivery, not the message limits.
    suite = await startHubSuite('chat', CHAT_SERVICES, {
      VISITOR_MESSAGES_PER_SECOND: '1000',
      VISITOR_MESSAGES_PER_MINUTE: '1000',
    });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  beforeEach(async () => {
    workspace = await createWorkspace(suite.database.url, { ada: AgentRole.Agent });
    const { ada } = workspace.agents;
    const token = await new GatewayApi(url('gateway')).login(
      workspace.slug,
      ada.email,
      ada.password,
    );
    ({ client: agent } = await AgentSocketClient.connect(url('gateway'), token));
  });

  afterEach(() => agent?.socket.close());

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  it('carries a visitor message to the assigned agent and the reply back, with typing and sneak-peek', async () => {
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const { client: visitor } = await VisitorClient.greeted(url('connector-web'), {
      token: session.token,
    });

    visitor.send({
      type: 'message.send',
      ref: 'v1',
      clientMessageId: 'v-1',
      content: 'Hello, my order is late',
    });
    const ack = await visitor.next((f) => f.type === 'message.ack' && f.clientMessageId === 'v-1');
    const conversationId = ack.conversationId as string;
    expect(ack).toMatchObject({ seq: 1 });

    // Routing assigns it to the only online agent, who catches up on what came before.
    await agent.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { assigneeId?: string }).assigneeId === workspace.agents.ada.id,
      15_000,
      'the assignment',
    );
    await agent.request({ type: 'resume', conversations: { [conversationId]: 0 } });
    expect(messagesOf(agent.frames, conversationId)).toEqual([
      { seq: 1, content: 'Hello, my order is late' },
    ]);

    visitor.send({ type: 'typing', isTyping: true });
    visitor.send({ type: 'draft', text: 'It was ordered on Mon' });
    await agent.waitFor(
      (f) => f.type === 'typing' && f.conversationId === conversationId && f.isTyping === true,
    );
    await agent.waitFor((f) => f.type === 'draft' && f.text === 'It was ordered on Mon');
    visitor.send({
      type: 'message.send',
      clientMessageId: 'v-2',
      content: 'It was ordered on Monday',
    });
    await agent.waitFor(
      (f) => f.type === 'message.created' && (f.message as { seq: number }).seq === 2,
    );

    await agent.request({ type: 'typing', conversationId, isTyping: true });
    await visitor.next((f) => f.type === 'typing' && f.isTyping === true);
    const reply = await agent.request({
      type: 'message.send',
      conversationId,
      clientMessageId: 'a-1',
      content: 'Sorry about that, checking now',
    });
    expect(reply).toMatchObject({ type: 'message.ack', message: { seq: 3, senderType: 'agent' } });
    const delivered = await visitor.next((f) => f.type === 'message.created');
    expect(delivered).toMatchObject({
      message: { seq: 3, content: 'Sorry about that, checking now' },
    });
    await visitor.close();
  });

  it('stores every acknowledged message exactly once, in the order sent, and delivers it when conversation is killed mid-stream', async () => {
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const { client: visitor } = await VisitorClient.greeted(url('connector-web'), {
      token: session.token,
    });
    visitor.send({ type: 'message.send', clientMessageId: 'm-0', content: 'message 0' });
    const first = await visitor.next(
      (f) => f.type === 'message.ack' && f.clientMessageId === 'm-0',
    );
    const conversationId = first.conversationId as string;
    await agent.waitFor((f) => f.type === 'conversation.updated', 15_000, 'the assignment');

    const total = 60;
    const conversation = suite.hub.service('conversation');
    for (let i = 1; i < total; i++) {
      visitor.send({ type: 'message.send', clientMessageId: `m-${i}`, content: `message ${i}` });
      if (i === 15) {
        await visitor.next((f) => f.type === 'message.ack' && f.clientMessageId === 'm-10');
        await conversation.stop('SIGKILL');
      }
    }
    // Admission does not need conversation: every send is durably accepted while it is down.
    await waitFor(() => visitor.of('message.accepted').length === total, 15_000);
    conversation.start();
    await conversation.waitUntilReady();

    // Messages the killed instance had pulled come back after the consumer's ack wait (10 s).
    await waitFor(
      () => visitor.of('message.ack').length >= total,
      60_000,
      () => `acks: ${visitor.of('message.ack').length}`,
    );
    const acked = new Map(
      visitor.of('message.ack').map((f) => [f.clientMessageId as string, f.seq as number]),
    );
    expect(acked.size).toBe(total);
    const { rows } = await db.query<{ client_message_id: string; seq: string }>(
      `SELECT client_message_id, seq FROM conversation.messages WHERE conversation_id = $1 ORDER BY seq`,
      [conversationId],
    );
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    for (const row of rows) expect(acked.get(row.client_message_id)).toBe(Number(row.seq));
    // Stored in the order sent, also those the killed instance had pulled and left unacked.
    expect(rows.map((r) => r.client_message_id)).toEqual(
      Array.from({ length: total }, (_, i) => `m-${i}`),
    );

    // The agent fills whatever the live fan-out missed while conversation was down.
    await agent.request({ type: 'resume', conversations: { [conversationId]: 0 } });
    const seen = messagesOf(agent.frames, conversationId);
    expect(seen.map((m) => m.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(seen.map((m) => m.content)).size).toBe(total);
    await visitor.close();
  }, 120_000);

  it('keeps a conversation of one visitor away from another visitor’s token', async () => {
    const alice = await newSession(url('connector-web'), workspace.inboxId);
    const mallory = await newSession(url('connector-web'), workspace.inboxId);
    const { client: aliceSocket } = await VisitorClient.greeted(url('connector-web'), {
      token: alice.token,
    });
    aliceSocket.send({
      type: 'message.send',
      clientMessageId: `secret-${randomUUID()}`,
      content: 'my card ends 4242',
    });
    const ack = await aliceSocket.next((f) => f.type === 'message.ack');

    const { client: mallorySocket, welcome } = await VisitorClient.greeted(url('connector-web'), {
      token: mallory.token,
      conversationId: ack.conversationId as string,
      lastSeq: 0,
    });

    expect(welcome).toMatchObject({
      visitorId: mallory.visitorId,
      conversationId: null,
      messages: [],
    });
    expect(JSON.stringify(mallorySocket.frames)).not.toContain('4242');
    await aliceSocket.close();
    await mallorySocket.close();
  });
});
