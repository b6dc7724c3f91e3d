import { randomUUID } from 'node:crypto';
import { releaseResolved } from '../src/acd/conversation-lifecycle.use-case';
import { RoutingTestbed } from './support/routing-testbed';

// Two DataSources stand for two routing replicas: separate pools, one database.
describe('routing decisions under concurrency', () => {
  let bed: RoutingTestbed;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_decisions', 2);
  });

  afterAll(() => bed.stop());

  async function seedAgents(
    workspaceId: string,
    count: number,
    maxChats: number,
    departmentId: string,
  ): Promise<string[]> {
    const agents: string[] = [];
    for (let i = 0; i < count; i++)
      agents.push(await bed.agent(workspaceId, { maxChats, departmentIds: [departmentId] }));
    return agents;
  }

  async function arriveAt(replica: number, workspaceId: string, departmentId: string) {
    const { effects } = await bed.arrive(workspaceId, departmentId, {
      replica: bed.replicas[replica],
    });
    return effects;
  }

  // A random assigned conversation is resolved (as on ConversationResolved).
  async function resolveOne(replica: number, workspaceId: string): Promise<void> {
    const [route] = await bed.sql<{ conversationId: string }>(
      `select conversation_id as "conversationId" from routing.routes
        where workspace_id = $1 and state = 'assigned' order by random() limit 1`,
      [workspaceId],
    );
    if (!route) return;
    const resolved = { ...route, workspaceId, occurredAt: new Date().toISOString() };
    await bed.locked(
      workspaceId,
      (data, effects) => releaseResolved(data, resolved, effects),
      bed.replicas[replica],
    );
  }

  /** Loads as counted on agents and as counted from routes, and the maxima. */
  async function loads(workspaceId: string) {
    return bed.sql<{ agentId: string; active: number; routed: number; max: number }>(
      `select s.agent_id as "agentId", s.active_chats as active, a.max_concurrent_chats as max,
              (select count(*)::int from routing.routes r where r.agent_id = s.agent_id and r.state = 'assigned') as routed
         from routing.agent_status s join routing.agents a on a.id = s.agent_id
        where s.workspace_id = $1 order by s.agent_id`,
      [workspaceId],
    );
  }

  it('gives three slots to three of twenty simultaneous arrivals and numbers the other seventeen', async () => {
    const workspaceId = randomUUID();
    const departmentId = await bed.department(workspaceId);
    const agents = await seedAgents(workspaceId, 3, 1, departmentId);

    const effects = await Promise.all(
      Array.from({ length: 20 }, (_, i) => arriveAt(i % 2, workspaceId, departmentId)),
    );

    const decided = effects.flatMap((fx) => [...fx.toApply]);
    expect(decided).toHaveLength(3);
    const routes = await bed.sql<{
      conversationId: string;
      state: string;
      agentId: string | null;
      position: number | null;
    }>(
      `select conversation_id as "conversationId", state, agent_id as "agentId", position
         from routing.routes where workspace_id = $1`,
      [workspaceId],
    );
    const assigned = routes.filter((route) => route.state === 'assigned');
    expect(assigned.map((route) => route.agentId).sort()).toEqual([...agents].sort());
    const queued = routes.filter((route) => route.state === 'queued');
    expect(queued.map((route) => route.position).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    // Every waiting visitor was told its final position by some transaction (transactions
    // commit in any order, so which announcement came last is not known here).
    const announced = new Map<string, Set<number>>();
    for (const fx of effects) {
      for (const p of fx.positions) {
        announced.set(
          p.conversationId,
          (announced.get(p.conversationId) ?? new Set()).add(p.position),
        );
      }
    }
    for (const route of queued) {
      expect({
        route: route.conversationId,
        told: announced.get(route.conversationId)?.has(route.position!),
      }).toEqual({
        route: route.conversationId,
        told: true,
      });
    }
    for (const load of await loads(workspaceId))
      expect(load).toMatchObject({ active: 1, routed: 1 });
  });

  it('never over-fills an agent while arrivals and resolutions interleave on two replicas', async () => {
    const workspaceId = randomUUID();
    const departmentId = await bed.department(workspaceId);
    await seedAgents(workspaceId, 10, 2, departmentId);

    const work = Array.from({ length: 150 }, (_, i) =>
      i % 3 === 2 ? resolveOne(i % 2, workspaceId) : arriveAt(i % 2, workspaceId, departmentId),
    );
    await Promise.all(work);

    const final = await loads(workspaceId);
    for (const load of final) {
      expect(load.active).toBe(load.routed);
      expect(load.active).toBeLessThanOrEqual(load.max);
    }
    const [queued] = await bed.sql<{ count: number }>(
      `select count(*)::int as count from routing.routes where workspace_id = $1 and state = 'queued'`,
      [workspaceId],
    );
    // Work conserving: nobody waits while a slot is free.
    const free = final.reduce((sum, load) => sum + load.max - load.active, 0);
    expect(queued.count === 0 || free === 0).toBe(true);
  });
});
