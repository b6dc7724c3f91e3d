import { randomUUID } from 'node:crypto';
import { createDataSource } from '@hub/persistence';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import type { DataSource } from 'typeorm';
import { arrive } from '../src/acd/arrive';
import { countChats } from '../src/acd/route-store';
import type { RoutingEffects } from '../src/acd/routing-effects';
import { queryRows } from '../src/acd/sql';
import { inWorkspaceLock } from '../src/acd/workspace-lock';
import { routingEntities } from '../src/routing.entities';

// Two DataSources stand for two routing replicas: separate pools, one database.
describe('routing decisions under concurrency', () => {
  let database: TestDatabase;
  let replicas: DataSource[];

  beforeAll(async () => {
    database = await createTestDatabase('routing_decisions');
    replicas = [0, 1].map((i) =>
      createDataSource({
        url: database.url,
        entities: routingEntities,
        applicationName: `routing-${i}`,
        poolSize: 10,
      }),
    );
    await Promise.all(replicas.map((replica) => replica.initialize()));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.destroy()));
    await database.drop();
  });

  async function seedAgents(
    workspaceId: string,
    count: number,
    maxChats: number,
    departmentId: string,
  ): Promise<string[]> {
    const db = replicas[0];
    await db.query(`insert into routing.departments (id, workspace_id, name) values ($1, $2, $3)`, [
      departmentId,
      workspaceId,
      `d-${departmentId}`,
    ]);
    const agents = await queryRows<{ id: string }>(
      db,
      `insert into routing.agents (workspace_id, name, email, role, password_hash, max_concurrent_chats)
       select $1::uuid, 'Agent ' || i, 'agent' || i || '-' || $1::text || '@example.test', 'agent', 'x', $3
         from generate_series(1, $2::int) as i
       returning id`,
      [workspaceId, count, maxChats],
    );
    const ids = agents.map((agent) => agent.id);
    await db.query(
      `insert into routing.department_agents (workspace_id, department_id, agent_id) select $1, $2, unnest($3::uuid[])`,
      [workspaceId, departmentId, ids],
    );
    await db.query(
      `insert into routing.agent_status (agent_id, workspace_id, presence) select unnest($1::uuid[]), $2, 'online'`,
      [ids, workspaceId],
    );
    return ids;
  }

  function arriveAt(
    replica: DataSource,
    workspaceId: string,
    departmentId: string,
  ): Promise<RoutingEffects> {
    const conversationId = randomUUID();
    return arrive(replica, {
      conversationId,
      workspaceId,
      departmentId,
      openedAt: new Date().toISOString(),
      openedEventId: `opened:${conversationId}`,
    });
  }

  async function resolveOne(replica: DataSource, workspaceId: string): Promise<void> {
    await inWorkspaceLock(replica, workspaceId, async (tx, fx) => {
      const [route] = await queryRows<{ agentId: string }>(
        tx,
        `delete from routing.routes where conversation_id = (
           select conversation_id from routing.routes where workspace_id = $1 and state = 'assigned'
            order by random() limit 1)
         returning agent_id as "agentId"`,
        [workspaceId],
      );
      if (route) await countChats(tx, [route.agentId], -1);
      fx.drain = true;
      fx.queueTouched = true;
    });
  }

  /** Loads as counted on agents and as counted from routes, and the maxima. */
  async function loads(workspaceId: string) {
    return queryRows<{ agentId: string; active: number; routed: number; max: number }>(
      replicas[0],
      `select s.agent_id as "agentId", s.active_chats as active, a.max_concurrent_chats as max,
              (select count(*)::int from routing.routes r where r.agent_id = s.agent_id and r.state = 'assigned') as routed
         from routing.agent_status s join routing.agents a on a.id = s.agent_id
        where s.workspace_id = $1 order by s.agent_id`,
      [workspaceId],
    );
  }

  it('gives three slots to three of twenty simultaneous arrivals and numbers the other seventeen', async () => {
    const workspaceId = randomUUID();
    const departmentId = randomUUID();
    const agents = await seedAgents(workspaceId, 3, 1, departmentId);

    const effects = await Promise.all(
      Array.from({ length: 20 }, (_, i) => arriveAt(replicas[i % 2], workspaceId, departmentId)),
    );

    const decided = effects.flatMap((fx) => [...fx.toApply]);
    expect(decided).toHaveLength(3);
    const routes = await queryRows<{
      conversationId: string;
      state: string;
      agentId: string | null;
      position: number | null;
    }>(
      replicas[0],
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
    const departmentId = randomUUID();
    await seedAgents(workspaceId, 10, 2, departmentId);

    const work = Array.from({ length: 150 }, (_, i) =>
      i % 3 === 2
        ? resolveOne(replicas[i % 2], workspaceId)
        : arriveAt(replicas[i % 2], workspaceId, departmentId),
    );
    await Promise.all(work);

    const final = await loads(workspaceId);
    for (const load of final) {
      expect(load.active).toBe(load.routed);
      expect(load.active).toBeLessThanOrEqual(load.max);
    }
    const [queued] = await queryRows<{ count: number }>(
      replicas[0],
      `select count(*)::int as count from routing.routes where workspace_id = $1 and state = 'queued'`,
      [workspaceId],
    );
    // Work conserving: nobody waits while a slot is free.
    const free = final.reduce((sum, load) => sum + load.max - load.active, 0);
    expect(queued.count === 0 || free === 0).toBe(true);
  });
});
