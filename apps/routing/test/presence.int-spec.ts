import { randomUUID } from 'node:crypto';
import { AgentPresence } from '@hub/domain';
import { changeConnection, choosePresence } from '../src/presence/presence-state';
import { requeueUnanswered } from '../src/presence/presence-sweep';
import { RoutingTestbed } from './support/routing-testbed';

const HOUR_MS = 3_600_000;

describe('agent presence', () => {
  let bed: RoutingTestbed;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_presence');
  });

  afterAll(() => bed.stop());

  function socket(workspaceId: string, agentId: string, connected: boolean) {
    const request = {
      workspaceId,
      agentId,
      gatewayId: 'gateway-1',
      connectionId: agentId,
      connected,
    };
    return bed.locked(workspaceId, (data, effects) => changeConnection(data, request, effects));
  }

  function requeueAfter(workspaceId: string, agentId: string, graceMs: number) {
    let requeued: string[] = [];
    return bed
      .locked(workspaceId, async (data, effects) => {
        requeued = await requeueUnanswered(data, { agentId, graceMs }, effects);
      })
      .then((effects) => ({ effects, requeued }));
  }

  it('brings an agent online when their first socket connects, and gives them the waiting conversation', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId, { presence: AgentPresence.Offline });
    const waiting = await bed.arrive(workspaceId, null);

    const effects = await socket(workspaceId, agentId, true);

    expect(effects.presence).toEqual([
      { type: 'presence.changed', agentId, presence: AgentPresence.Online },
    ]);
    expect(await bed.route(waiting.conversationId)).toMatchObject({ state: 'assigned', agentId });
  });

  it('gives nothing to an agent who chose away, though connected', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId, { presence: AgentPresence.Offline });
    await bed.locked(workspaceId, (data, effects) =>
      choosePresence(data, { workspaceId, agentId, presence: AgentPresence.Away }, effects),
    );
    await socket(workspaceId, agentId, true);

    const { conversationId } = await bed.arrive(workspaceId, null);

    expect((await bed.data.agents.view(workspaceId, agentId))?.presence).toBe(AgentPresence.Away);
    expect(await bed.route(conversationId)).toMatchObject({ state: 'queued' });
  });

  it('requeues only the unanswered conversations of an agent offline past the grace period, at the front of the queue', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId, { presence: AgentPresence.Offline, maxChats: 2 });
    await socket(workspaceId, agentId, true);
    const answered = await bed.arrive(workspaceId, null);
    const unanswered = await bed.arrive(workspaceId, null);
    const alreadyWaiting = await bed.arrive(workspaceId, null);
    await bed.data.routes.markAnswered(answered.conversationId, agentId);

    await socket(workspaceId, agentId, false);
    const withinGrace = await requeueAfter(workspaceId, agentId, HOUR_MS);
    expect(withinGrace.requeued).toEqual([]);
    expect(await bed.route(unanswered.conversationId)).toMatchObject({
      state: 'assigned',
      agentId,
    });

    const pastGrace = await requeueAfter(workspaceId, agentId, 0);

    expect(pastGrace.requeued).toEqual([unanswered.conversationId]);
    expect([...pastGrace.effects.toApply]).toEqual([unanswered.conversationId]);
    expect(await bed.route(unanswered.conversationId)).toMatchObject({
      state: 'queued',
      position: 1,
    });
    expect(await bed.route(alreadyWaiting.conversationId)).toMatchObject({ position: 2 });
    expect(await bed.route(answered.conversationId)).toMatchObject({ state: 'assigned', agentId });
    expect(await bed.activeChats(agentId)).toBe(1);
    // Handled once: a second sweep (another replica) finds nothing left to do.
    expect((await requeueAfter(workspaceId, agentId, 0)).requeued).toEqual([]);
  });

  it('leaves the conversations of an agent who came back within the grace period with them', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId, { presence: AgentPresence.Offline });
    await socket(workspaceId, agentId, true);
    const { conversationId } = await bed.arrive(workspaceId, null);

    await socket(workspaceId, agentId, false);
    await socket(workspaceId, agentId, true);

    expect((await requeueAfter(workspaceId, agentId, 0)).requeued).toEqual([]);
    expect(await bed.route(conversationId)).toMatchObject({ state: 'assigned', agentId });
  });

  it('refuses a socket for an agent of another workspace', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(randomUUID(), { presence: AgentPresence.Offline });

    await expect(socket(workspaceId, agentId, true)).rejects.toMatchObject({
      code: 'AGENT_NOT_FOUND',
    });
    expect(
      await bed.sql(`select 1 from routing.agent_connections where agent_id = $1`, [agentId]),
    ).toEqual([]);
  });
});
