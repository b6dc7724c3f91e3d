import { randomUUID } from 'node:crypto';
import {
  realtimeSubjects,
  type ConversationView,
  type DraftRealtime,
  type MessageView,
  type TypingRealtime,
} from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { JetStreamPublisher, namespacedSubject } from '@hub/messaging';
import { waitFor, type ServiceProcess } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient, type Frame } from '../support/agent-socket-client';
import {
  assigneeOf,
  messageCount,
  visitorWrites,
  type VisitorConversation,
} from './support/conversations';
import { startSecondGateway } from './support/second-gateway';
import { GatewayApi } from '../support/gateway-api';
import { TEST_JWT_SECRET } from './support/tokens';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { startHubSuite, type HubSuite } from '../support/hub-suite';

const sortFieldErrors = (body: unknown) =>
  [...((body as { fieldErrors?: { field: string; message: string }[] }).fieldErrors ?? [])].sort(
    (a, b) => `${a.field}${a.message}`.localeCompare(`${b.field}${b.message}`),
  );

describe('the agent API and socket', () => {
  let suite: HubSuite;
  let publisher: JetStreamPublisher;
  let db: Client;
  let api: GatewayApi;
  const sockets: AgentSocketClient[] = [];

  beforeAll(async () => {
    suite = await startHubSuite('gwapi', ['gateway', 'routing', 'conversation', 'crm'], {
      JWT_SECRET: TEST_JWT_SECRET,
    });
    api = new GatewayApi(suite.hub.service('gateway').url);
    publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  }, 90_000);

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  const login = (workspace: WorkspaceFixture, name: string) =>
    api.login(workspace.slug, workspace.agents[name].email, workspace.agents[name].password);

  const openSocket = async (token: string) => {
    const { client } = await AgentSocketClient.connect(suite.hub.service('gateway').url, token);
    sockets.push(client);
    return client;
  };

  /** A visitor's conversation that routing assigned to the (only online) agent behind `socket`. */
  const assignedConversation = async (
    workspace: WorkspaceFixture,
    agentName: string,
    socket: AgentSocketClient,
  ) => {
    const conversation = await visitorWrites(db, publisher, workspace);
    const agentId = workspace.agents[agentName].id;
    await socket.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as ConversationView).id === conversation.id &&
        (f.conversation as ConversationView).assigneeId === agentId,
      15_000,
      'the assignment to reach the agent',
    );
    return conversation;
  };

  it('serves the OpenAPI document at /api/docs listing every agent route', async () => {
    const html = await fetch(`${api.baseUrl}/api/docs`);
    const { status, body } = await api.call<{
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: object };
    }>('GET', '/api/docs-json');

    expect(html.status).toBe(200);
    expect(await html.text()).toContain('swagger');
    expect(status).toBe(200);
    const routes = Object.entries(body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        // The admin API, the API channel and outbound webhooks.
        'DELETE /api/v1/api-keys/{apiKeyId}',
        'DELETE /api/v1/canned-responses/{cannedResponseId}',
        'DELETE /api/v1/departments/{departmentId}',
        'DELETE /api/v1/inboxes/{inboxId}',
        'DELETE /api/v1/webhooks/{webhookId}',
        'GET /api/v1/api-keys',
        'GET /api/v1/inboxes',
        'GET /api/v1/inboxes/{inboxId}',
        'GET /api/v1/inboxes/{inboxId}/snippet',
        'GET /api/v1/inboxes/{inboxId}/webhook',
        'GET /api/v1/webhooks',
        'GET /api/v1/webhooks/{webhookId}',
        'GET /api/v1/webhooks/{webhookId}/deliveries',
        'PATCH /api/v1/canned-responses/{cannedResponseId}',
        'PATCH /api/v1/inboxes/{inboxId}',
        'POST /api/v1/agent-invitations/{token}/accept',
        'POST /api/v1/agents',
        'POST /api/v1/api-keys',
        'POST /api/v1/canned-responses',
        'POST /api/v1/departments',
        'POST /api/v1/inboxes',
        'POST /api/v1/inboxes/{id}/messages',
        'POST /api/v1/inboxes/{inboxId}/telegram/webhook',
        'POST /api/v1/inboxes/{inboxId}/rotate-secret',
        'PATCH /api/v1/webhooks/{webhookId}',
        'POST /api/v1/webhooks/{webhookId}/rotate-secret',
        'POST /api/v1/webhooks',
        'POST /api/v1/webhooks/{webhookId}/replay',
        'POST /api/v1/webhooks/{webhookId}/resume',
        'POST /api/v1/workspaces',
        'PUT /api/v1/agents/me/password',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/refresh',
        'POST /api/v1/auth/logout',
        'GET /api/v1/conversations',
        'GET /api/v1/conversations/{conversationId}',
        'GET /api/v1/conversations/{conversationId}/messages',
        'POST /api/v1/conversations/{conversationId}/messages',
        'POST /api/v1/conversations/{conversationId}/assign',
        'POST /api/v1/conversations/{conversationId}/transfer',
        'POST /api/v1/conversations/{conversationId}/resolve',
        'POST /api/v1/conversations/{conversationId}/reopen',
        'POST /api/v1/conversations/{conversationId}/links',
        'POST /api/v1/conversations/{conversationId}/read',
        'POST /api/v1/conversations/{conversationId}/transcript-mails',
        'GET /api/v1/conversations/{conversationId}/tags',
        'PUT /api/v1/conversations/{conversationId}/tags/{tagId}',
        'DELETE /api/v1/conversations/{conversationId}/tags/{tagId}',
        'GET /api/v1/tags',
        'POST /api/v1/tags',
        'PATCH /api/v1/tags/{tagId}',
        'DELETE /api/v1/tags/{tagId}',
        'GET /api/v1/customers',
        'POST /api/v1/customers',
        'GET /api/v1/customers/{customerId}',
        'GET /api/v1/tickets',
        'POST /api/v1/tickets',
        'GET /api/v1/tickets/{ticketId}',
        'PATCH /api/v1/tickets/{ticketId}',
        'POST /api/v1/tickets/{ticketId}/transfer',
        'POST /api/v1/tickets/{ticketId}/conversations',
        'DELETE /api/v1/tickets/{ticketId}/conversations/{conversationId}',
        'GET /api/v1/tickets/{ticketId}/history',
        'GET /api/v1/tickets/{ticketId}/reminders',
        'POST /api/v1/tickets/{ticketId}/reminders',
        'DELETE /api/v1/tickets/{ticketId}/reminders/{reminderId}',
        'GET /api/v1/ticket-categories',
        'POST /api/v1/ticket-categories',
        'PATCH /api/v1/ticket-categories/{categoryId}',
        'DELETE /api/v1/ticket-categories/{categoryId}',
        'POST /api/v1/customers/{customerId}/merge',
        'POST /api/v1/customer-merges/{mergeId}/undo',
        'PATCH /api/v1/customers/{customerId}',
        'POST /api/v1/customers/{customerId}/identities',
        'DELETE /api/v1/customers/{customerId}/identities/{identityId}',
        'GET /api/v1/customers/{customerId}/link-suggestions',
        'POST /api/v1/customers/{customerId}/link-suggestions/{suggestionId}',
        'GET /api/v1/customers/{customerId}/orders',
        'PUT /api/v1/customers/{customerId}/orders/{externalId}',
        'GET /api/v1/customers/{customerId}/notes',
        'POST /api/v1/customers/{customerId}/notes',
        'GET /api/v1/customers/{customerId}/timeline',
        'GET /api/v1/customer-attributes',
        'POST /api/v1/customer-attributes',
        'PATCH /api/v1/customer-attributes/{definitionId}',
        'DELETE /api/v1/customer-attributes/{definitionId}',
        'GET /api/v1/conversations/{conversationId}/notes',
        'POST /api/v1/conversations/{conversationId}/notes',
        'GET /api/v1/departments',
        'PATCH /api/v1/departments/{departmentId}',
        'GET /api/v1/queue',
        'GET /api/v1/reports/live',
        'GET /api/v1/agents',
        'GET /api/v1/agents/me',
        'PUT /api/v1/agents/me/presence',
        'PATCH /api/v1/agents/{agentId}',
        'DELETE /api/v1/agents/{agentId}',
        'GET /api/v1/canned-responses',
        'DELETE /api/v1/visitors/{visitorId}/sessions',
        'GET /api/v1/visitors/online',
        'GET /api/v1/visitors/{visitorId}/trail',
        'POST /api/v1/visitors/{visitorId}/invitations',
        'POST /api/v1/uploads',
        'GET /api/v1/business-hours',
        'PUT /api/v1/business-hours/workspace',
        'DELETE /api/v1/business-hours/workspace',
        'PUT /api/v1/business-hours/departments/{departmentId}',
        'DELETE /api/v1/business-hours/departments/{departmentId}',
        'GET /api/v1/sla/policies',
        'POST /api/v1/sla/policies',
        'PUT /api/v1/sla/policies/{policyId}',
        'DELETE /api/v1/sla/policies/{policyId}',
        'GET /api/v1/sla/clocks/{subjectId}',
        'GET /api/v1/workspace/settings',
        'PATCH /api/v1/workspace/settings',
        'GET /api/v1/customers/{customerId}/export',
        'POST /api/v1/customers/{customerId}/erase',
        'GET /api/v1/reports/kpis',
        'GET /api/v1/reports/busiest-hours',
        'POST /api/v1/reports/rebuilds',
        'GET /api/v1/reports/rebuilds/{rebuildId}',
      ].sort(),
    );
    expect(body.components.securitySchemes).toHaveProperty('bearer');
  });

  it('refuses an invalid reply with the same field errors on REST and on the socket, storing nothing', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await login(workspace, 'alice');
    const socket = await openSocket(token);
    const conversation = await assignedConversation(workspace, 'alice', socket);
    const before = await messageCount(db, conversation.id);
    const invalid = [
      { clientMessageId: '', content: '' },
      { clientMessageId: 'x'.repeat(101), content: 42, color: 'red' },
      { content: 'x'.repeat(20_001) },
    ];

    for (const body of invalid) {
      const rest = await api.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
        token,
        body,
      });
      const frame = await socket.request({
        type: 'message.send',
        conversationId: conversation.id,
        ...body,
      });

      expect(rest.status).toBe(400);
      expect(rest.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(frame).toMatchObject({ type: 'error', status: 400, code: 'VALIDATION_FAILED' });
      expect(sortFieldErrors(frame)).toEqual(sortFieldErrors(rest.body));
      expect(sortFieldErrors(frame).length).toBeGreaterThan(0);
    }
    const transfer = { toAgentId: randomUUID(), toDepartmentId: workspace.departmentId };
    const restTransfer = await api.call(
      'POST',
      `/api/v1/conversations/${conversation.id}/transfer`,
      { token, body: transfer },
    );
    const socketTransfer = await socket.request({
      type: 'conversation.transfer',
      conversationId: conversation.id,
      ...transfer,
    });
    expect(restTransfer.status).toBe(400);
    expect(sortFieldErrors(socketTransfer)).toEqual(sortFieldErrors(restTransfer.body));
    const badId = await socket.request({ type: 'conversation.resolve', conversationId: 'nope' });
    const restBadId = await api.call('POST', '/api/v1/conversations/nope/resolve', { token });
    expect(sortFieldErrors(badId)).toEqual(sortFieldErrors(restBadId.body));
    expect(await messageCount(db, conversation.id)).toBe(before);
    expect(await assigneeOf(db, conversation.id)).toBe(workspace.agents.alice.id);
  });

  it('stores a reply sent twice with one clientMessageId once, via REST and via the socket', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await login(workspace, 'alice');
    const socket = await openSocket(token);
    const conversation = await assignedConversation(workspace, 'alice', socket);
    const before = await messageCount(db, conversation.id);

    const restReply = { clientMessageId: `rest-${randomUUID()}`, content: 'Hello from REST' };
    const first = await api.call<MessageView>(
      'POST',
      `/api/v1/conversations/${conversation.id}/messages`,
      { token, body: restReply },
    );
    const again = await api.call<MessageView>(
      'POST',
      `/api/v1/conversations/${conversation.id}/messages`,
      { token, body: restReply },
    );
    const socketReply = {
      conversationId: conversation.id,
      clientMessageId: `ws-${randomUUID()}`,
      content: 'Hello from the socket',
    };
    const ack = await socket.request({ type: 'message.send', ...socketReply });
    const ackAgain = await socket.request({ type: 'message.send', ...socketReply });
    const crossed = await api.call<MessageView>(
      'POST',
      `/api/v1/conversations/${conversation.id}/messages`,
      {
        token,
        body: { clientMessageId: socketReply.clientMessageId, content: socketReply.content },
      },
    );

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      conversationId: conversation.id,
      senderType: 'agent',
      senderId: workspace.agents.alice.id,
      content: restReply.content,
      clientMessageId: restReply.clientMessageId,
    });
    expect(again.body).toEqual(first.body);
    expect(ack).toMatchObject({
      type: 'message.ack',
      clientMessageId: socketReply.clientMessageId,
      message: { content: socketReply.content },
    });
    expect(ackAgain.message).toEqual(ack.message);
    expect(crossed.body).toEqual(ack.message);
    expect(await messageCount(db, conversation.id)).toBe(before + 2);
  });

  it("pushes a visitor's message to the socket of the agent the conversation is assigned to", async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const socket = await openSocket(await login(workspace, 'alice'));
    const conversation = await assignedConversation(workspace, 'alice', socket);

    await conversation.say('Are you there?');

    const pushed = await socket.waitFor(
      (f) =>
        f.type === 'message.created' && (f.message as MessageView).content === 'Are you there?',
      15_000,
    );
    expect(pushed.message).toMatchObject({
      conversationId: conversation.id,
      direction: 'inbound',
      senderType: 'customer',
      seq: 2,
    });
  });

  it('replays what a reconnecting socket missed, in order, while the agent’s other socket stays live', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await login(workspace, 'alice');
    const staying = await openSocket(token);
    const leaving = await openSocket(token);
    const conversation = await assignedConversation(workspace, 'alice', staying);
    const lastSeen = Number(
      (
        await db.query<{ last_seq: string }>(
          'SELECT last_seq FROM conversation.conversations WHERE id = $1',
          [conversation.id],
        )
      ).rows[0].last_seq,
    );
    leaving.close();
    await leaving.closed;

    for (const n of [1, 2, 3]) await conversation.say(`missed ${n}`);
    await staying.waitFor(
      (f) => f.type === 'message.created' && (f.message as MessageView).content === 'missed 3',
      15_000,
      'live delivery',
    );
    const back = await openSocket(token);
    const ack = await back.request({
      type: 'resume',
      conversations: { [conversation.id]: lastSeen },
    });

    const replayed = back.framesOf('message.created').map((f) => f.message as MessageView);
    expect(replayed.map((m) => m.content)).toEqual(['missed 1', 'missed 2', 'missed 3']);
    expect(replayed.map((m) => m.seq)).toEqual([lastSeen + 1, lastSeen + 2, lastSeen + 3]);
    expect(ack).toMatchObject({
      type: 'resume.ack',
      conversations: { [conversation.id]: lastSeen + 3 },
      failed: {},
    });
    // The replay came before the ack.
    expect(back.frames.indexOf(ack)).toBeGreaterThan(
      back.frames.findIndex((f) => f.type === 'message.created'),
    );
  });

  it("keeps another workspace's conversation out of reach on REST and on the socket", async () => {
    const mine = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const theirs = await createWorkspace(suite.database.url, { mallory: AgentRole.Admin });
    const socket = await openSocket(await login(mine, 'alice'));
    const conversation = await assignedConversation(mine, 'alice', socket);
    const before = await messageCount(db, conversation.id);
    const token = await login(theirs, 'mallory');
    const intruder = await openSocket(token);
    const typing: TypingRealtime[] = [];
    const sub = suite.nc.subscribe(
      namespacedSubject(suite.namespace, realtimeSubjects.conversation(conversation.id)),
      {
        callback: (_e, msg) => {
          typing.push(msg.json<TypingRealtime>());
        },
      },
    );
    await suite.nc.flush();

    const base = `/api/v1/conversations/${conversation.id}`;
    const rest = [
      await api.call('GET', base, { token }),
      await api.call('GET', `${base}/messages`, { token }),
      await api.call('POST', `${base}/messages`, {
        token,
        body: { clientMessageId: 'x1', content: 'hijack' },
      }),
      await api.call('POST', `${base}/assign`, { token, body: {} }),
      await api.call('POST', `${base}/transfer`, {
        token,
        body: { toAgentId: theirs.agents.mallory.id },
      }),
      await api.call('POST', `${base}/resolve`, { token }),
    ];
    const frames = [
      await intruder.request({
        type: 'message.send',
        conversationId: conversation.id,
        clientMessageId: 'x2',
        content: 'hijack',
      }),
      await intruder.request({ type: 'typing', conversationId: conversation.id, isTyping: true }),
      await intruder.request({ type: 'conversation.resolve', conversationId: conversation.id }),
      await intruder.request({ type: 'conversation.assign', conversationId: conversation.id }),
    ];
    const resume = await intruder.request({
      type: 'resume',
      conversations: { [conversation.id]: 0 },
    });
    await suite.nc.flush();

    for (const answer of rest) {
      expect(answer.status).toBe(404);
      expect(Object.keys(answer.body as object).sort()).toEqual(['code', 'message', 'status']);
    }
    for (const frame of frames) expect(frame).toMatchObject({ type: 'error', status: 404 });
    expect(resume).toMatchObject({
      type: 'resume.ack',
      conversations: {},
      failed: { [conversation.id]: { status: 404 } },
    });
    expect(intruder.framesOf('message.created')).toEqual([]);
    expect(typing).toEqual([]);
    expect(await messageCount(db, conversation.id)).toBe(before);
    expect(await assigneeOf(db, conversation.id)).toBe(mine.agents.alice.id);
    sub.unsubscribe();
  });

  it("forwards the visitor's typing and draft to the assigned agent, drafts only while sneak-peek is on", async () => {
    const peeking = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const private_ = await createWorkspace(
      suite.database.url,
      { bob: AgentRole.Agent },
      { settings: { typingSneakPeek: false } },
    );
    const alice = await openSocket(await login(peeking, 'alice'));
    const bob = await openSocket(await login(private_, 'bob'));
    const forAlice = await assignedConversation(peeking, 'alice', alice);
    const forBob = await assignedConversation(private_, 'bob', bob);
    const agentTyping: TypingRealtime[] = [];
    const sub = suite.nc.subscribe(
      namespacedSubject(suite.namespace, realtimeSubjects.conversation(forAlice.id)),
      {
        callback: (_e, msg) => {
          agentTyping.push(msg.json<TypingRealtime>());
        },
      },
    );
    await suite.nc.flush();

    const visitorActivity = (
      conversation: VisitorConversation,
      workspace: WorkspaceFixture,
      text: string,
    ) => {
      const subject = namespacedSubject(
        suite.namespace,
        realtimeSubjects.conversation(conversation.id),
      );
      const typingEvent: TypingRealtime = {
        type: 'typing',
        conversationId: conversation.id,
        by: 'visitor',
        isTyping: true,
      };
      const draft: DraftRealtime = {
        type: 'draft',
        conversationId: conversation.id,
        workspaceId: workspace.id,
        text,
      };
      suite.nc.publish(subject, JSON.stringify(typingEvent));
      suite.nc.publish(subject, JSON.stringify(draft));
    };
    // Typed once, right after each agent saw the assignment: the gateway tells an agent of a
    // conversation only once the server has its subscription to the visitor's typing.
    visitorActivity(forAlice, peeking, 'I would like to ret');
    visitorActivity(forBob, private_, 'my secret draft');
    await alice.waitFor((f) => f.type === 'draft' && f.text === 'I would like to ret');
    await bob.waitFor((f) => f.type === 'typing' && f.conversationId === forBob.id);
    await alice.request({ type: 'typing', conversationId: forAlice.id, isTyping: true });
    expect(alice.framesOf('typing')).toContainEqual(
      expect.objectContaining({ conversationId: forAlice.id, by: 'visitor', isTyping: true }),
    );
    await bob.request({ type: 'ping' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bob.framesOf('draft')).toEqual([]);
    await waitFor(
      () =>
        agentTyping.some(
          (e) => e.by === 'agent' && e.agentId === peeking.agents.alice.id && e.isTyping,
        ),
      5_000,
    );
    // An agent's own typing is not echoed back to it.
    expect(alice.framesOf('typing').filter((f) => f.by === 'agent')).toEqual([]);
    sub.unsubscribe();
  });

  it('lets an agent take a waiting conversation; only supervisors assign others or move their conversations', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      alice: AgentRole.Agent,
      bob: AgentRole.Agent,
      sue: AgentRole.Supervisor,
    });
    const alice = await login(workspace, 'alice');
    const sue = await login(workspace, 'sue');
    // Nobody is online, so it waits in the queue.
    const conversation = await visitorWrites(db, publisher, workspace);
    const path = `/api/v1/conversations/${conversation.id}`;

    const assignToBob = await api.call('POST', `${path}/assign`, {
      token: alice,
      body: { agentId: workspace.agents.bob.id },
    });
    const picked = await api.call<ConversationView>('POST', `${path}/assign`, {
      token: alice,
      body: {},
    });
    const bobMoves = await api.call('POST', `${path}/transfer`, {
      token: await login(workspace, 'bob'),
      body: { toAgentId: workspace.agents.bob.id },
    });
    // Routing transfers only to an agent who is online.
    const bobSocket = await openSocket(await login(workspace, 'bob'));
    const aliceSocket = await openSocket(alice);
    const overSocket = [
      await aliceSocket.request({
        type: 'conversation.assign',
        conversationId: conversation.id,
        agentId: workspace.agents.bob.id,
      }),
      await bobSocket.request({
        type: 'conversation.transfer',
        conversationId: conversation.id,
        toAgentId: workspace.agents.bob.id,
      }),
    ];
    const sueMoves = await api.call<ConversationView>('POST', `${path}/transfer`, {
      token: sue,
      body: { toAgentId: workspace.agents.bob.id },
    });

    expect(assignToBob).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
    expect(picked).toMatchObject({
      status: 200,
      body: { id: conversation.id, assigneeId: workspace.agents.alice.id },
    });
    expect(bobMoves).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
    for (const frame of overSocket)
      expect(frame).toMatchObject({ type: 'error', status: 403, code: 'AUTH_FORBIDDEN' });
    expect(sueMoves).toMatchObject({ status: 200, body: { assigneeId: workspace.agents.bob.id } });
    expect(await assigneeOf(db, conversation.id)).toBe(workspace.agents.bob.id);
    await bobSocket.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as ConversationView).assigneeId === workspace.agents.bob.id,
    );
  });

  it('resolves and reopens over REST and the socket, telling the agent', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await login(workspace, 'alice');
    const socket = await openSocket(token);
    const conversation = await assignedConversation(workspace, 'alice', socket);

    const resolved = await socket.request({
      type: 'conversation.resolve',
      conversationId: conversation.id,
    });
    const reopened = await api.call<ConversationView>(
      'POST',
      `/api/v1/conversations/${conversation.id}/reopen`,
      { token },
    );

    expect(resolved).toMatchObject({
      type: 'conversation.ack',
      conversation: { id: conversation.id, status: 'resolved' },
    });
    expect(reopened).toMatchObject({ status: 200, body: { id: conversation.id } });
    await socket.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as ConversationView).status === 'resolved',
    );
    const updates = socket
      .framesOf('conversation.updated')
      .filter((f) => (f.conversation as ConversationView).status === 'resolved');
    // Published to the agent and to the workspace, forwarded once.
    expect(updates).toHaveLength(1);
  });

  it('lets only the last assignee or a supervisor reopen a resolved conversation, on REST and on the socket', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      alice: AgentRole.Agent,
      bob: AgentRole.Agent,
      sue: AgentRole.Supervisor,
    });
    const alice = await login(workspace, 'alice');
    const conversation = await assignedConversation(workspace, 'alice', await openSocket(alice));
    const path = `/api/v1/conversations/${conversation.id}`;
    expect(await api.call('POST', `${path}/resolve`, { token: alice })).toMatchObject({
      status: 200,
    });
    const bob = await login(workspace, 'bob');

    const overRest = await api.call('POST', `${path}/reopen`, { token: bob });
    const overSocket = await (
      await openSocket(bob)
    ).request({ type: 'conversation.reopen', conversationId: conversation.id });
    const statusAfterRefusals = (
      await db.query<{ status: string }>(
        `SELECT status FROM conversation.conversations WHERE id = $1`,
        [conversation.id],
      )
    ).rows[0].status;
    const bySupervisor = await api.call<ConversationView>('POST', `${path}/reopen`, {
      token: await login(workspace, 'sue'),
    });

    expect(overRest).toMatchObject({
      status: 403,
      body: { code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU' },
    });
    expect(overSocket).toMatchObject({
      type: 'error',
      status: 403,
      code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU',
    });
    expect(statusAfterRefusals).toBe('resolved');
    expect(bySupervisor).toMatchObject({
      status: 200,
      body: { id: conversation.id, status: 'open' },
    });
  });

  it('takes socket frames as typed, converting no text or flag into a number, while REST query strings still convert', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await login(workspace, 'alice');
    const socket = await openSocket(token);
    const conversation = await assignedConversation(workspace, 'alice', socket);
    const messagesPath = `/api/v1/conversations/${conversation.id}/messages`;

    const refused = [
      await socket.request({ type: 'resume', conversations: { [conversation.id]: '0' } }),
      await socket.request({ type: 'resume', conversations: { [conversation.id]: true } }),
      await socket.request({ type: 'typing', conversationId: conversation.id, isTyping: 'true' }),
    ];
    const restDigits = await api.call<MessageView[]>('GET', `${messagesPath}?afterSeq=0&limit=1`, {
      token,
    });
    const restNotANumber = await api.call('GET', `${messagesPath}?afterSeq=true`, { token });

    expect(refused.map((f) => [f.type, f.code, sortFieldErrors(f).map((e) => e.field)])).toEqual([
      ['error', 'VALIDATION_FAILED', ['conversations']],
      ['error', 'VALIDATION_FAILED', ['conversations']],
      ['error', 'VALIDATION_FAILED', ['isTyping']],
    ]);
    expect(restDigits.status).toBe(200);
    expect(restDigits.body).toHaveLength(1);
    expect(restNotANumber).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(sortFieldErrors(restNotANumber.body).map((e) => e.field)).toContain('afterSeq');
  });

  it("reads the agent's own workspace: conversations, customers, departments, agents, canned responses, queue", async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const other = await createWorkspace(suite.database.url, { zed: AgentRole.Agent });
    const otherConversation = await visitorWrites(db, publisher, other);
    const token = await login(workspace, 'alice');
    const socket = await openSocket(token);
    const conversation = await assignedConversation(workspace, 'alice', socket);
    const get = <T>(path: string) => api.call<T>('GET', `/api/v1${path}`, { token });

    const mine = await get<{ items: ConversationView[] }>('/conversations?view=mine');
    const all = await get<{ items: ConversationView[] }>('/conversations?view=all&limit=100');
    const one = await get<ConversationView>(`/conversations/${conversation.id}`);
    const messages = await get<MessageView[]>(
      `/conversations/${conversation.id}/messages?afterSeq=0&limit=10`,
    );
    const customers = await get<{ customers: { id: string; workspaceId: string }[] }>(
      `/customers?query=${conversation.visitorId}`,
    );
    const customer = await get(`/customers/${one.body.customerId}`);
    const foreignCustomerId = (
      await db.query<{ customer_id: string }>(
        'SELECT customer_id FROM conversation.conversations WHERE id = $1',
        [otherConversation.id],
      )
    ).rows[0].customer_id;
    const foreignCustomer = await get(`/customers/${foreignCustomerId}`);
    const departments = await get<{ id: string }[]>('/departments');
    const agents = await get<{ id: string }[]>('/agents');
    const canned = await get<{ shortcut: string }[]>('/canned-responses');
    const queue = await get<unknown[]>(`/queue?departmentId=${workspace.departmentId}`);
    const badQuery = await get('/conversations?view=everything&limit=1000');

    expect(mine.body.items.map((c) => c.id)).toEqual([conversation.id]);
    expect(all.body.items.every((c) => c.workspaceId === workspace.id)).toBe(true);
    expect(all.body.items.map((c) => c.id)).not.toContain(otherConversation.id);
    expect(one.body).toMatchObject({
      id: conversation.id,
      assigneeId: workspace.agents.alice.id,
      status: 'assigned',
    });
    expect(messages.body[0]).toMatchObject({ seq: 1, direction: 'inbound' });
    expect(customers.body.customers).toEqual([
      expect.objectContaining({ id: one.body.customerId, workspaceId: workspace.id }),
    ]);
    expect(customer.status).toBe(200);
    expect(foreignCustomer.status).toBe(404);
    expect(departments.body.map((d) => d.id)).toEqual([workspace.departmentId]);
    expect(agents.body.map((a) => a.id)).toEqual([workspace.agents.alice.id]);
    expect(canned.body.map((c) => c.shortcut)).toEqual(['hello']);
    expect(queue.status).toBe(200);
    expect(badQuery.status).toBe(400);
    expect(sortFieldErrors(badQuery.body).map((e) => e.field)).toEqual(['limit', 'view']);
  });

  it('sets presence over the socket exactly as over REST', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await login(workspace, 'alice');
    const socket = await openSocket(token);

    const away = await socket.request({ type: 'presence.set', presence: 'away' });
    const invalidFrame = await socket.request({ type: 'presence.set', presence: 'offline' });
    const invalidRest = await api.call('PUT', '/api/v1/agents/me/presence', {
      token,
      body: { presence: 'offline' },
    });
    const online = await api.call('PUT', '/api/v1/agents/me/presence', {
      token,
      body: { presence: 'online' },
    });

    expect(away).toMatchObject({
      type: 'presence.ack',
      agent: { id: workspace.agents.alice.id, presence: 'away' },
    });
    expect(invalidFrame).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
    expect(sortFieldErrors(invalidFrame)).toEqual(sortFieldErrors(invalidRest.body));
    expect(online).toMatchObject({ status: 200, body: { presence: 'online' } });
    await socket.waitFor(
      (f: Frame) =>
        f.type === 'presence.changed' &&
        f.presence === 'online' &&
        f.agentId === workspace.agents.alice.id,
    );
  });

  it('subscribes each gateway replica only to what its own sockets need, and lets go after they close', async () => {
    const first = suite.hub.service('gateway');
    const second = await startSecondGateway(suite, { LOG_LEVEL: 'debug' });
    try {
      const mine = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
      const theirs = await createWorkspace(suite.database.url, { bob: AgentRole.Agent });
      const alice = await openSocket(await login(mine, 'alice'));
      const conversation = await assignedConversation(mine, 'alice', alice);
      const { client: bob } = await AgentSocketClient.connect(
        second.url,
        await login(theirs, 'bob'),
      );
      sockets.push(bob);
      const subjects = (gateway: ServiceProcess, msg: string) =>
        new Set(
          gateway.logs.filter((line) => line.msg === msg).map((line) => line.subject as string),
        );
      const aliceNeeds = [
        realtimeSubjects.agent(mine.agents.alice.id),
        realtimeSubjects.workspace(mine.id),
        realtimeSubjects.conversation(conversation.id),
      ];
      const bobNeeds = [
        realtimeSubjects.agent(theirs.agents.bob.id),
        realtimeSubjects.workspace(theirs.id),
      ];

      // Each replica's log lines reach the test through its stdout pipe, a little after the fact.
      await waitFor(
        () =>
          aliceNeeds.every((s) => subjects(first, 'realtime subscribed').has(s)) &&
          bobNeeds.every((s) => subjects(second, 'realtime subscribed').has(s)),
        10_000,
      );
      expect(subjects(second, 'realtime subscribed')).toEqual(new Set(bobNeeds));
      for (const subject of bobNeeds)
        expect(subjects(first, 'realtime subscribed')).not.toContain(subject);
      alice.close();
      await alice.closed;
      await waitFor(
        () => aliceNeeds.every((s) => subjects(first, 'realtime unsubscribed').has(s)),
        10_000,
        () => 'the first gateway kept subscriptions of a closed socket',
      );
    } finally {
      await second.stop();
    }
  });

  it('logged no error and no failed heartbeat at the gateway', () => {
    const gateway = suite.hub.service('gateway');
    const problems = gateway.logs.filter(
      (line) => line.level === 'error' || line.level === 'warn' || line.level === 'fatal',
    );
    expect(problems).toEqual([]);
  });
});
