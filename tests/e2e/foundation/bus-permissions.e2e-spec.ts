import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, PermissionViolationError, type NatsConnection } from '@nats-io/transport-node';
import {
  realtimeSubjects,
  SUBJECTS,
  type AgentChangedRealtime,
  type MessageDeadLettered,
} from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import {
  JetStreamPublisher,
  namespacedStream,
  namespacedSubject,
  natsIdentity,
} from '@hub/messaging';
import { Client } from 'pg';
import { visitorWrites } from '../gateway/support/conversations';
import { signToken, TEST_JWT_SECRET } from '../gateway/support/tokens';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspaceWithInbox, inboundMessage, publishInbound } from '../support/inbound';
import { newSession, VisitorClient } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const CHAT_SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;

// The whole chat path on a nats-server that enforces SERVICE_PERMISSIONS: each service connects
// as its own nkey user, so a service reaching beyond its subjects breaks this suite.
describe('the bus with one NATS user per service', () => {
  let suite: HubSuite;
  let workspace: WorkspaceFixture;
  let asConnectorWeb: NatsConnection | undefined;
  let db: Client;
  let gateway: GatewayApi;
  const visitors: VisitorClient[] = [];
  const agents: AgentSocketClient[] = [];

  const url = (service: 'gateway' | 'connector-web') => suite.hub.service(service).url;

  beforeAll(async () => {
    // The gateway signs with a secret the test knows, to forge a token minted before a demotion.
    suite = await startHubSuite('bus', CHAT_SERVICES, { JWT_SECRET: TEST_JWT_SECRET });
    workspace = await createWorkspace(suite.database.url, { ada: AgentRole.Agent });
    gateway = new GatewayApi(url('gateway'));
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterEach(async () => {
    await asConnectorWeb?.close();
    asConnectorWeb = undefined;
    await Promise.all(visitors.splice(0).map((visitor) => visitor.close()));
    for (const agent of agents.splice(0)) agent.close();
  });

  afterAll(async () => {
    await db?.end();
    // The last tests provoke violations on purpose; every earlier one asserted none.
    await suite?.stop({ violationsExpected: true });
  });

  /** A connection made exactly as connector-web makes its own. */
  async function connectAsConnectorWeb(): Promise<NatsConnection> {
    const identity = natsIdentity({
      service: 'connector-web',
      namespace: suite.namespace,
      nkeySeed: suite.hub.nats.seeds['connector-web'],
    });
    asConnectorWeb = await connect({ servers: suite.hub.nats.url, ...identity.options });
    return asConnectorWeb;
  }

  async function greetedVisitor() {
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const { client } = await VisitorClient.greeted(url('connector-web'), {
      token: session.token,
    });
    visitors.push(client);
    return { visitor: client, session };
  }

  /** The next `agent.changed` routing broadcasts, subscribed to before the change is made. */
  async function nextAgentChange(): Promise<{ received: Promise<AgentChangedRealtime> }> {
    const changes = suite.nc.subscribe(
      namespacedSubject(suite.namespace, realtimeSubjects.agentChanges()),
      { max: 1, timeout: 10_000 },
    );
    await suite.nc.flush();
    const received = (async () => {
      for await (const message of changes) return message.json<AgentChangedRealtime>();
      throw new Error('no agent.changed broadcast');
    })();
    return { received };
  }

  const department = async (workspaceId: string) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO routing.departments (workspace_id, name) VALUES ($1, 'Sales') RETURNING id`,
        [workspaceId],
      )
    ).rows[0].id;

  it('carries a visitor message to the agent and the reply back with every service on its own user', async () => {
    const { ada } = workspace.agents;
    const token = await gateway.login(workspace.slug, ada.email, ada.password);
    const { client: agent } = await AgentSocketClient.connect(url('gateway'), token);
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const { client: visitor } = await VisitorClient.greeted(url('connector-web'), {
      token: session.token,
    });

    visitor.send({ type: 'message.send', clientMessageId: 'v-1', content: 'Is my order shipped?' });
    const ack = await visitor.next((f) => f.type === 'message.ack' && f.clientMessageId === 'v-1');
    const conversationId = ack.conversationId as string;
    await agent.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { assigneeId?: string }).assigneeId === ada.id,
      15_000,
      'the assignment',
    );
    const reply = await agent.request({
      type: 'message.send',
      conversationId,
      clientMessageId: 'a-1',
      content: 'It left this morning',
    });
    expect(reply).toMatchObject({ type: 'message.ack', message: { seq: 2, senderType: 'agent' } });
    const delivered = await visitor.next((f) => f.type === 'message.created');
    expect(delivered).toMatchObject({ message: { seq: 2, content: 'It left this morning' } });

    await visitor.close();
    agent.socket.close();
    expect(suite.hub.nats.violations()).toEqual([]);
  });

  it('dead-letters a message conversation refuses for good and tells the visitor message.failed', async () => {
    const { visitor, session } = await greetedVisitor();
    const clientMessageId = `lost-${randomUUID()}`;
    // An inbox conversation does not know: refused on its first delivery, never retried.
    const message = inboundMessage(
      { workspaceId: workspace.id, inboxId: randomUUID() },
      {
        externalMessageId: `${session.visitorId}:${clientMessageId}`,
        customer: { externalId: session.visitorId },
        clientMessageId,
      },
    );
    const publisher = new JetStreamPublisher(await connectAsConnectorWeb(), suite.namespace);

    const { seq } = await publishInbound(publisher, message);

    const failed = await visitor.next(
      (f) => f.type === 'message.failed' && f.clientMessageId === clientMessageId,
    );
    expect(failed).toEqual({ type: 'message.failed', clientMessageId, code: 'INBOX_NOT_FOUND' });
    // message.failed comes from the dead letter, so it is stored by now, the stream's last.
    const jsm = await jetstreamManager(suite.nc);
    const letter = await jsm.streams.getMessage(namespacedStream(suite.namespace, 'DEAD_LETTERS'), {
      last_by_subj: namespacedSubject(suite.namespace, 'dlq.inbound.web'),
    });
    expect(letter?.json<MessageDeadLettered>()).toMatchObject({
      originalSubject: 'inbound.web',
      streamSeq: seq,
      reason: 'refused',
      code: 'INBOX_NOT_FOUND',
    });
    expect(suite.hub.nats.violations()).toEqual([]);
  });

  describe('an agent changed by an admin', () => {
    const reply = (token: string, conversationId: string) =>
      gateway.call<{ code?: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
        token,
        body: { clientMessageId: randomUUID(), content: 'Still here' },
      });
    /** A token of the agent claiming `role`, as one minted before the change would. */
    const tokenMintedBefore = (team: WorkspaceFixture, name: string, role: AgentRole) =>
      signToken({ sub: team.agents[name].id, ws: team.id, role, sid: randomUUID() });

    it('tells conversation a deactivated agent is gone, refusing their reply, and closes their socket', async () => {
      const team = await createWorkspace(suite.database.url, {
        alice: AgentRole.Agent,
        grace: AgentRole.Admin,
      });
      const { alice, grace } = team.agents;
      const admin = await gateway.login(team.slug, grace.email, grace.password);
      const token = await gateway.login(team.slug, alice.email, alice.password);
      const { client: socket } = await AgentSocketClient.connect(url('gateway'), token);
      agents.push(socket);
      const conversation = await visitorWrites(
        db,
        new JetStreamPublisher(suite.nc, suite.namespace),
        team,
      );
      await socket.waitFor(
        (f) =>
          f.type === 'conversation.updated' &&
          (f.conversation as { assigneeId?: string }).assigneeId === alice.id,
        15_000,
        'the assignment',
      );
      // Conversation now holds alice, active, in its cache of current roles.
      expect((await reply(token, conversation.id)).status).toBe(200);
      const change = await nextAgentChange();

      const removed = await gateway.call('DELETE', `/api/v1/agents/${alice.id}`, { token: admin });

      expect(removed).toMatchObject({ status: 200, body: { active: false } });
      expect(await change.received).toMatchObject({ agentId: alice.id, active: false });
      expect((await socket.closed).code).toBe(4401);
      const stale = tokenMintedBefore(team, 'alice', AgentRole.Agent);
      expect(await reply(stale, conversation.id)).toMatchObject({
        status: 403,
        body: { code: 'CONVERSATION_ACTOR_UNKNOWN' },
      });
      expect(suite.hub.nats.violations()).toEqual([]);
    });

    it('tells conversation a demoted supervisor is an agent, refusing a reply only supervisors may send', async () => {
      const team = await createWorkspace(suite.database.url, {
        sue: AgentRole.Supervisor,
        grace: AgentRole.Admin,
      });
      const { sue, grace } = team.agents;
      const admin = await gateway.login(team.slug, grace.email, grace.password);
      const token = await gateway.login(team.slug, sue.email, sue.password);
      // Nobody is online: the conversation waits unassigned, so only a supervisor may answer it.
      const conversation = await visitorWrites(
        db,
        new JetStreamPublisher(suite.nc, suite.namespace),
        team,
      );
      expect((await reply(token, conversation.id)).status).toBe(200);
      const change = await nextAgentChange();

      const demoted = await gateway.call('PATCH', `/api/v1/agents/${sue.id}`, {
        token: admin,
        body: { role: AgentRole.Agent },
      });

      expect(demoted).toMatchObject({ status: 200, body: { role: 'agent', active: true } });
      expect(await change.received).toMatchObject({ agentId: sue.id, role: 'agent' });
      const stale = tokenMintedBefore(team, 'sue', AgentRole.Supervisor);
      expect(await reply(stale, conversation.id)).toMatchObject({
        status: 403,
        body: { code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU' },
      });
      expect(suite.hub.nats.violations()).toEqual([]);
    });
  });

  it('closes a visitor’s socket with 4401 when an agent revokes their sessions', async () => {
    const { visitor, session } = await greetedVisitor();
    const { ada } = workspace.agents;
    const token = await gateway.login(workspace.slug, ada.email, ada.password);

    const revoked = await gateway.call('DELETE', `/api/v1/visitors/${session.visitorId}/sessions`, {
      token,
    });

    expect(revoked).toMatchObject({ status: 200, body: { revoked: 1 } });
    expect((await visitor.closed).code).toBe(4401);
    expect(suite.hub.nats.violations()).toEqual([]);
  });

  it('admits a visitor message for a department of the workspace and refuses another workspace’s', async () => {
    const own = await department(workspace.id);
    const foreign = await department(
      (await createWorkspaceWithInbox(suite.database.url)).workspaceId,
    );
    const { visitor } = await greetedVisitor();
    const send = (ref: string, departmentId: string) =>
      visitor.send({
        type: 'message.send',
        ref,
        clientMessageId: 'd-1',
        content: ref,
        departmentId,
      });

    send('foreign', foreign);
    const refusal = await visitor.next((f) => f.type === 'error' && f.ref === 'foreign');
    send('own', own);
    const ack = await visitor.next((f) => f.type === 'message.ack' && f.ref === 'own');

    expect(refusal).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ field: 'departmentId' }],
    });
    const { rows } = await db.query(
      `SELECT department_id FROM conversation.conversations WHERE id = $1`,
      [ack.conversationId],
    );
    expect(rows).toEqual([{ department_id: own }]);
    expect(suite.hub.nats.violations()).toEqual([]);
  });

  // The refusals below are logged as violations: every flow that asserts none must come first.
  it('refuses connector-web a request that only the gateway and routing may send', async () => {
    const nc = await connectAsConnectorWeb();
    const assign = namespacedSubject(suite.namespace, SUBJECTS.conversation.assign.subject);

    const refused = await nc.request(assign, JSON.stringify({ data: {} }), { timeout: 5_000 }).then(
      () => new Error('the request was answered'),
      (error: Error) => error.cause,
    );

    expect(refused).toBeInstanceOf(PermissionViolationError);
    expect(refused).toMatchObject({ operation: 'publish', subject: assign });
  });

  it("refuses connector-web a subscription to the agents' realtime subjects but allows its own", async () => {
    const nc = await connectAsConnectorWeb();
    const agents = nc.subscribe(namespacedSubject(suite.namespace, 'rt.agent.>'));
    const visitorSubject = namespacedSubject(suite.namespace, 'rt.visitor.v1');
    const visitors = nc.subscribe(visitorSubject, { max: 1 });
    await nc.flush();

    await expect(agents.closed).resolves.toMatchObject({
      name: 'PermissionViolationError',
      operation: 'subscription',
    });
    suite.nc.publish(visitorSubject, 'still allowed');
    for await (const message of visitors) expect(message.string()).toBe('still allowed');
    expect(visitors.getProcessed()).toBe(1);
  });
});
