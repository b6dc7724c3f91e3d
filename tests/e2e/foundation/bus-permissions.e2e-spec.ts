import { connect, PermissionViolationError, type NatsConnection } from '@nats-io/transport-node';
import { SUBJECTS } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { namespacedSubject, natsIdentity } from '@hub/messaging';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { newSession, VisitorClient } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const CHAT_SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;

// The whole chat path on a nats-server that enforces SERVICE_PERMISSIONS: each service connects
// as its own nkey user, so a service reaching beyond its subjects breaks this suite.
describe('the bus with one NATS user per service', () => {
  let suite: HubSuite;
  let workspace: WorkspaceFixture;
  let asConnectorWeb: NatsConnection | undefined;

  const url = (service: 'gateway' | 'connector-web') => suite.hub.service(service).url;

  beforeAll(async () => {
    suite = await startHubSuite('bus', CHAT_SERVICES, undefined, { permissionedNats: true });
    workspace = await createWorkspace(suite.database.url, { ada: AgentRole.Agent });
  });

  afterEach(async () => {
    await asConnectorWeb?.close();
    asConnectorWeb = undefined;
  });

  afterAll(async () => {
    await suite?.stop();
  });

  /** A connection made exactly as connector-web makes its own. */
  async function connectAsConnectorWeb(): Promise<NatsConnection> {
    const identity = natsIdentity({
      service: 'connector-web',
      namespace: suite.namespace,
      nkeySeed: suite.nats?.seeds['connector-web'],
    });
    asConnectorWeb = await connect({ servers: suite.nats?.url, ...identity.options });
    return asConnectorWeb;
  }

  it('carries a visitor message to the agent and the reply back with every service on its own user', async () => {
    const { ada } = workspace.agents;
    const token = await new GatewayApi(url('gateway')).login(
      workspace.slug,
      ada.email,
      ada.password,
    );
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
    expect(suite.nats?.violations()).toEqual([]);
  });

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
