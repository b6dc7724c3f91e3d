import { realtimeSubjects, type ConversationView, type MessageView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient, type Frame } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { visitorWrites } from './support/conversations';
import { startSecondGateway } from './support/second-gateway';
import { TEST_JWT_SECRET } from './support/tokens';

const WAIT_MS = 15_000;

/** Seqs of the messages of `conversationId` a socket received, in arrival order. */
const seqsOf = (socket: AgentSocketClient, conversationId: string, watched: boolean) =>
  socket
    .framesOf('message.created')
    .filter(
      (f) =>
        (f.message as MessageView).conversationId === conversationId &&
        (f.watched === true) === watched,
    )
    .map((f) => (f.message as MessageView).seq);

// Live onlookers (docs/agent-socket.md): a supervisor watching a chat gets its stored messages
// and notes pushed; an agent's read positions reach all of their sockets, on any replica.
describe('live onlookers and read positions on the agent socket', () => {
  let suite: HubSuite;
  let publisher: JetStreamPublisher;
  let db: Client;
  let api: GatewayApi;
  let workspace: WorkspaceFixture;
  const sockets: AgentSocketClient[] = [];

  beforeAll(async () => {
    suite = await startHubSuite('onlookers', ['gateway', 'routing', 'conversation', 'crm'], {
      JWT_SECRET: TEST_JWT_SECRET,
    });
    api = new GatewayApi(suite.hub.service('gateway').url);
    publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    workspace = await createWorkspace(suite.database.url, {
      alice: AgentRole.Agent,
      bob: AgentRole.Agent,
      sue: AgentRole.Supervisor,
    });
  }, 90_000);

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  const login = (ws: WorkspaceFixture, name: string) =>
    api.login(ws.slug, ws.agents[name].email, ws.agents[name].password);

  const openSocket = async (token: string, gatewayUrl = suite.hub.service('gateway').url) => {
    const { client } = await AgentSocketClient.connect(gatewayUrl, token);
    sockets.push(client);
    return client;
  };

  /** A visitor's chat routing gave to alice, the one agent online. */
  const aliceChat = async (alice: AgentSocketClient) => {
    const conversation = await visitorWrites(db, publisher, workspace);
    await alice.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as ConversationView).id === conversation.id &&
        (f.conversation as ConversationView).assigneeId === workspace.agents.alice.id,
      WAIT_MS,
      'the chat assigned to alice',
    );
    return conversation;
  };

  /** Everything sent before now has reached `socket` once it answers a ping sent after. */
  const settled = async (socket: AgentSocketClient) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await socket.request({ type: 'ping' });
  };

  it('pushes every message stored in a watched chat to the supervisor, in order and once, until the unwatch', async () => {
    const alice = await openSocket(await login(workspace, 'alice'));
    const chat = await aliceChat(alice);
    const sue = await openSocket(await login(workspace, 'sue'));
    const aliceToken = await login(workspace, 'alice');

    // An agent may watch only her own chats; the supervisor any of the workspace.
    const bob = await openSocket(await login(workspace, 'bob'));
    expect(
      await bob.request({ type: 'conversation.watch', conversationId: chat.id }),
    ).toMatchObject({ type: 'error', code: 'AUTH_FORBIDDEN' });
    expect(
      await sue.request({ type: 'conversation.watch', conversationId: chat.id }),
    ).toMatchObject({ type: 'watch.ack', watching: true });
    // The assignee watching her own chat gets each message once, on her own subject.
    await alice.request({ type: 'conversation.watch', conversationId: chat.id });

    await chat.say('first question');
    await chat.say('second question');
    const reply = await alice.request({
      type: 'message.send',
      conversationId: chat.id,
      clientMessageId: 'reply-1',
      content: 'Happy to help',
    });
    expect(reply).toMatchObject({ type: 'message.ack' });
    await chat.say('third question');
    const note = await api.call('POST', `/api/v1/conversations/${chat.id}/notes`, {
      token: aliceToken,
      body: { body: 'VIP, refund approved' },
    });
    expect(note.status).toBe(201);

    // The visitor's opening message is seq 1, stored before the watch.
    await sue.waitFor(
      (f) => f.type === 'message.created' && (f.message as MessageView).seq === 5,
      WAIT_MS,
      'the fifth message at the supervisor',
    );
    const watchedNote = await sue.waitFor(
      (f) => f.type === 'conversation.note' && f.conversationId === chat.id,
      WAIT_MS,
      'the note at the supervisor',
    );
    expect(watchedNote).toMatchObject({ watched: true, note: { body: 'VIP, refund approved' } });
    await settled(sue);
    await settled(alice);
    expect(seqsOf(sue, chat.id, true)).toEqual([2, 3, 4, 5]);
    expect(seqsOf(sue, chat.id, false)).toEqual([]);
    // In the order stored (the visitor's messages and alice's reply race to the hub).
    const { rows: stored } = await db.query<{ sender_type: string; content: string }>(
      `SELECT sender_type, content FROM conversation.messages
        WHERE conversation_id = $1 AND seq > 1 ORDER BY seq`,
      [chat.id],
    );
    const pushed = sue.framesOf('message.created').map((f) => f.message as MessageView);
    expect(pushed.map((m) => [m.senderType, m.content])).toEqual(
      stored.map((row) => [row.sender_type, row.content]),
    );
    expect(pushed.map((m) => m.content).sort()).toEqual(
      ['Happy to help', 'first question', 'second question', 'third question'].sort(),
    );
    expect(seqsOf(alice, chat.id, false)).toEqual([2, 3, 4, 5]);
    expect(seqsOf(alice, chat.id, true)).toEqual([]);
    // Alice wrote the note herself, so her subject did not carry it: her watch did, once.
    expect(alice.framesOf('conversation.note')).toEqual([
      expect.objectContaining({ watched: true, conversationId: chat.id }),
    ]);
    // Bob, refused, got nothing of it.
    await settled(bob);
    expect(bob.framesOf('message.created')).toEqual([]);
    expect(bob.framesOf('conversation.note')).toEqual([]);

    expect(await sue.request({ type: 'conversation.unwatch', conversationId: chat.id })).toEqual(
      expect.objectContaining({ type: 'watch.ack', watching: false }),
    );
    await chat.say('after the unwatch');
    await alice.waitFor(
      (f) => f.type === 'message.created' && (f.message as MessageView).seq === 6,
      WAIT_MS,
      'the sixth message at alice',
    );
    await settled(sue);
    expect(seqsOf(sue, chat.id, true)).toEqual([2, 3, 4, 5]);
  });

  it('lets go of the watched chat when the supervisor’s socket closes, and never shows it to another workspace', async () => {
    const gateway = suite.hub.service('gateway');
    const alice = await openSocket(await login(workspace, 'alice'));
    const chat = await aliceChat(alice);
    const sue = await openSocket(await login(workspace, 'sue'));
    const elsewhere = await createWorkspace(suite.database.url, { eve: AgentRole.Supervisor });
    const eve = await openSocket(await login(elsewhere, 'eve'));

    expect(
      await eve.request({ type: 'conversation.watch', conversationId: chat.id }),
    ).toMatchObject({ type: 'error', code: 'CONVERSATION_NOT_FOUND' });
    await sue.request({ type: 'conversation.watch', conversationId: chat.id });
    const subject = realtimeSubjects.onlookers(chat.id);
    const logged = (msg: string) =>
      gateway.logs.some((line) => line.msg === msg && line.subject === subject);
    await waitFor(
      () => logged('realtime subscribed'),
      WAIT_MS,
      () => `${subject} not held`,
    );

    await chat.say('while watched');
    await sue.waitFor(
      (f) => f.type === 'message.created' && (f.message as MessageView).content === 'while watched',
      WAIT_MS,
      'the message at the supervisor',
    );
    sue.close();
    await sue.closed;
    await waitFor(
      () => logged('realtime unsubscribed'),
      WAIT_MS,
      () => `${subject} still held`,
    );
    await settled(eve);
    expect(eve.framesOf('message.created')).toEqual([]);
  });

  it('tells all of an agent’s sockets, on every gateway replica, that a chat was read', async () => {
    const second = await startSecondGateway(suite);
    try {
      const readerToken = await login(workspace, 'alice');
      const here = await openSocket(readerToken);
      const chat = await aliceChat(here);
      await chat.say('are you there?');
      const there = await openSocket(await login(workspace, 'alice'), second.url);
      const bob = await openSocket(await login(workspace, 'bob'));

      const read = await api.call<{ unreadCount: number; lastReadSeq: number }>(
        'POST',
        `/api/v1/conversations/${chat.id}/read`,
        { token: readerToken, body: {} },
      );
      expect(read).toMatchObject({ status: 200, body: { unreadCount: 0, lastReadSeq: 2 } });
      const expected = {
        type: 'conversation.read',
        conversationId: chat.id,
        lastReadSeq: 2,
        unreadCount: 0,
      };
      const isRead = (f: Frame) => f.type === 'conversation.read' && f.conversationId === chat.id;
      expect(await there.waitFor(isRead, WAIT_MS, 'the read on the other replica')).toEqual(
        expected,
      );
      expect(await here.waitFor(isRead, WAIT_MS, 'the read on the same replica')).toEqual(expected);
      // Read positions are each agent's own.
      await settled(bob);
      expect(bob.framesOf('conversation.read')).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('logged no error at the gateway', () => {
    const problems = suite.hub
      .service('gateway')
      .logs.filter((line) => line.level === 'error' || line.level === 'fatal');
    expect(problems).toEqual([]);
  });
});
