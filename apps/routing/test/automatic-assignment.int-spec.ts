import { randomUUID } from 'node:crypto';
import { AgentPresence } from '@hub/domain';
import { releaseResolved } from '../src/acd/conversation-lifecycle.use-case';
import { RoutingTestbed } from './support/routing-testbed';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('automatic call distribution', () => {
  let bed: RoutingTestbed;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_acd');
  });

  afterAll(() => bed.stop());

  async function resolve(workspaceId: string, conversationId: string) {
    const resolved = { conversationId, workspaceId, occurredAt: new Date().toISOString() };
    return bed.locked(workspaceId, (data, effects) => releaseResolved(data, resolved, effects));
  }

  it('gives an arriving conversation to the online agent with the fewest chats', async () => {
    const workspaceId = randomUUID();
    await bed.agent(workspaceId, { activeChats: 2, lastAssignedAt: minutesAgo(30) });
    const leastLoaded = await bed.agent(workspaceId, {
      activeChats: 1,
      lastAssignedAt: minutesAgo(1),
    });

    const { conversationId, effects } = await bed.arrive(workspaceId, null);

    expect(await bed.route(conversationId)).toMatchObject({
      state: 'assigned',
      agentId: leastLoaded,
    });
    expect([...effects.toApply]).toEqual([conversationId]);
    expect(await bed.activeChats(leastLoaded)).toBe(2);
  });

  it('breaks a tie in load in favour of the agent idle longest, a never-assigned agent first', async () => {
    const workspaceId = randomUUID();
    const recent = await bed.agent(workspaceId, { lastAssignedAt: minutesAgo(1) });
    const never = await bed.agent(workspaceId, { lastAssignedAt: null });
    const idle = await bed.agent(workspaceId, { lastAssignedAt: minutesAgo(20) });

    const first = await bed.arrive(workspaceId, null);
    const second = await bed.arrive(workspaceId, null);
    const third = await bed.arrive(workspaceId, null);

    expect((await bed.route(first.conversationId))?.agentId).toBe(never);
    expect((await bed.route(second.conversationId))?.agentId).toBe(idle);
    expect((await bed.route(third.conversationId))?.agentId).toBe(recent);
  });

  it('passes over agents who are away, offline or without a free slot', async () => {
    const workspaceId = randomUUID();
    await bed.agent(workspaceId, { presence: AgentPresence.Away });
    await bed.agent(workspaceId, { presence: AgentPresence.Offline });
    await bed.agent(workspaceId, { maxChats: 1, activeChats: 1, lastAssignedAt: minutesAgo(60) });
    const free = await bed.agent(workspaceId, { maxChats: 4, activeChats: 3 });

    const { conversationId } = await bed.arrive(workspaceId, null);

    expect((await bed.route(conversationId))?.agentId).toBe(free);
  });

  it('never assigns an agent more chats than their maximum; the rest wait in arrival order', async () => {
    const workspaceId = randomUUID();
    const agent = await bed.agent(workspaceId, { maxChats: 2 });

    const arrivals = [];
    for (let i = 0; i < 5; i++) arrivals.push(await bed.arrive(workspaceId, null));

    const routes = await Promise.all(arrivals.map((a) => bed.route(a.conversationId)));
    expect(routes.map((route) => route?.state)).toEqual([
      'assigned',
      'assigned',
      'queued',
      'queued',
      'queued',
    ]);
    expect(routes.slice(2).map((route) => route?.position)).toEqual([1, 2, 3]);
    expect(await bed.activeChats(agent)).toBe(2);
  });

  it('assigns the head of the queue to the agent whose conversation was resolved and moves the others up', async () => {
    const workspaceId = randomUUID();
    const agent = await bed.agent(workspaceId, { maxChats: 1 });
    const served = await bed.arrive(workspaceId, null);
    const head = await bed.arrive(workspaceId, null);
    const behind = await bed.arrive(workspaceId, null);

    const effects = await resolve(workspaceId, served.conversationId);

    expect(await bed.route(served.conversationId)).toBeUndefined();
    expect(await bed.route(head.conversationId)).toMatchObject({
      state: 'assigned',
      agentId: agent,
    });
    expect(await bed.route(behind.conversationId)).toMatchObject({ state: 'queued', position: 1 });
    expect([...effects.toApply]).toEqual([head.conversationId]);
    expect(effects.positions).toEqual([
      {
        type: 'queue.position',
        conversationId: behind.conversationId,
        position: 1,
        // The head was handled in about no time: the shortest estimate.
        estimatedWaitSeconds: 1,
      },
    ]);
    expect(effects.queues).toEqual([
      { type: 'queue.changed', workspaceId, departmentId: null, length: 1 },
    ]);
    expect(await bed.activeChats(agent)).toBe(1);
  });

  it('ignores a late resolution of an earlier cycle of a reopened conversation', async () => {
    const workspaceId = randomUUID();
    const agent = await bed.agent(workspaceId);
    const { conversationId } = await bed.arrive(workspaceId, null);
    const earlier = new Date(Date.now() - 3_600_000).toISOString();

    await bed.locked(workspaceId, (data, effects) =>
      releaseResolved(data, { conversationId, workspaceId, occurredAt: earlier }, effects),
    );

    expect(await bed.route(conversationId)).toMatchObject({ state: 'assigned', agentId: agent });
    expect(await bed.activeChats(agent)).toBe(1);
  });
});
