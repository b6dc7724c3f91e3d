import { randomUUID } from 'node:crypto';
import { SUBJECTS, type GatewayConnection } from '@hub/contracts';
import { waitFor } from '@hub/testing';
import { RoutingFixture } from './routing-fixture';

const GRACE_MS = 1_500;

describe('routing: agents going offline', () => {
  let hub: RoutingFixture;
  let heartbeat: NodeJS.Timeout;
  const liveConnections: GatewayConnection[] = [];

  beforeAll(async () => {
    hub = await RoutingFixture.start('offline', {
      env: {
        ROUTING_OFFLINE_GRACE_MS: String(GRACE_MS),
        ROUTING_GATEWAY_TIMEOUT_MS: '1000',
        ROUTING_SWEEP_INTERVAL_MS: '200',
      },
    });
    // One healthy gateway beating as the real one does; sockets it holds stay live.
    heartbeat = setInterval(() => {
      hub
        .request(SUBJECTS.routing.gatewayHeartbeat, {
          gatewayId: 'gw-live',
          connections: liveConnections,
        })
        .catch(() => undefined);
    }, 250);
  }, 90_000);

  afterAll(async () => {
    clearInterval(heartbeat);
    await hub?.stop();
  });

  async function connectLive(workspaceId: string, agentId: string): Promise<string> {
    const connectionId = await hub.connect(workspaceId, agentId, 'gw-live');
    liveConnections.push({ workspaceId, agentId, connectionId });
    return connectionId;
  }

  async function disconnectLive(workspaceId: string, agentId: string, connectionId: string) {
    liveConnections.splice(
      liveConnections.findIndex((c) => c.connectionId === connectionId),
      1,
    );
    return hub.disconnect(workspaceId, agentId, connectionId, 'gw-live');
  }

  it('returns only the unanswered conversations of an agent offline past the grace period to the queue', async () => {
    const target = await hub.workspace();
    const { workspaceId } = target;
    const leaving = await hub.agent(workspaceId);
    const connection = await connectLive(workspaceId, leaving);
    const answered = await hub.openConversation(target);
    const unanswered = await hub.openConversation(target);
    await hub.waitForAssignee(answered, leaving);
    await hub.waitForAssignee(unanswered, leaving);
    await hub.request(SUBJECTS.conversation.sendAgentMessage, {
      workspaceId,
      conversationId: answered,
      actor: { agentId: leaving, role: 'agent' },
      clientMessageId: randomUUID(),
      content: 'Hello, I am on it.',
    });
    await waitFor(
      async () =>
        (
          await hub.db.query(
            `select 1 from routing.routes where conversation_id = $1 and answered`,
            [answered],
          )
        ).rowCount === 1,
      10_000,
      () => 'the agent reply never marked the conversation answered',
    );

    const offline = await disconnectLive(workspaceId, leaving, connection);
    const wentOfflineAt = Date.now();

    expect(offline.presence).toBe('offline');
    // Within the grace period nothing moves: a page reload must not cost the agent their chats.
    expect((await hub.conversation(unanswered)).assigneeId).toBe(leaving);
    await hub.waitForAssignee(unanswered, null, 10_000);
    expect(Date.now() - wentOfflineAt).toBeGreaterThanOrEqual(GRACE_MS - 100);
    expect(await hub.conversation(unanswered)).toMatchObject({ status: 'open' });
    expect((await hub.conversation(answered)).assigneeId).toBe(leaving);
    expect(await hub.routeOf(unanswered)).toMatchObject({ state: 'queued', position: 1 });
    await hub.eventually(() => expect(hub.positions(unanswered)).toEqual([1]));
    expect((await hub.agentView(workspaceId, leaving)).activeChats).toBe(1);

    const next = await hub.agent(workspaceId);
    await connectLive(workspaceId, next);
    await hub.waitForAssignee(unanswered, next);
  });

  it('keeps the chats of an agent who comes back within the grace period', async () => {
    const target = await hub.workspace();
    const { workspaceId } = target;
    const agent = await hub.agent(workspaceId);
    const first = await connectLive(workspaceId, agent);
    const conversationId = await hub.openConversation(target);
    await hub.waitForAssignee(conversationId, agent);

    await disconnectLive(workspaceId, agent, first);
    await connectLive(workspaceId, agent);
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 1_000));

    expect((await hub.conversation(conversationId)).assigneeId).toBe(agent);
    expect((await hub.agentView(workspaceId, agent)).presence).toBe('online');
  });

  it('takes agents offline when their gateway stops beating, and not those of a live gateway', async () => {
    const { workspaceId } = await hub.workspace();
    const stranded = await hub.agent(workspaceId);
    const healthy = await hub.agent(workspaceId);
    await hub.connect(workspaceId, stranded, 'gw-silent');
    await connectLive(workspaceId, healthy);

    await waitFor(
      async () => (await hub.agentView(workspaceId, stranded)).presence === 'offline',
      10_000,
      () => 'the agent of the silent gateway stayed online',
    );
    expect((await hub.agentView(workspaceId, healthy)).presence).toBe('online');
    const published = () =>
      hub.realtime.flatMap(({ subject, event }) =>
        subject === `rt.workspace.${workspaceId}` &&
        event.type === 'presence.changed' &&
        event.agentId === stranded
          ? [event.presence]
          : [],
      );
    await hub.eventually(() => expect(published()).toEqual(['online', 'offline']));
  });
});
