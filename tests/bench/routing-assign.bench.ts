import { randomUUID } from 'node:crypto';
import { createDataSource } from '@hub/persistence';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { arrive } from '../../apps/routing/src/acd/arrive';
import { RoutesRepository } from '../../apps/routing/src/acd/routes.repository';
import { queryRows } from '../../apps/routing/src/sql';
import { routingEntities } from '../../apps/routing/src/routing.entities';
import { elapsedMs, formatSummary, summarize, type LatencySummary } from '../e2e/support/stats';

// Routing: assignment decisions per second with many agents and no agent over capacity, next
// to a floor measured the same way in the same run: plain PostgreSQL `FOR UPDATE SKIP LOCKED`
// queue pops. Every variant does, per arrival: one insert (the conversation joins the queue),
// then one transaction that takes it (and whatever else is waiting); WORKERS arrivals run at
// once, spread over two pools standing for two routing replicas. Only the database side of a
// decision is timed: applying it (`conversation.conversation.assign`) happens after the
// commit, outside the lock, concurrently with further decisions.
const AGENTS = Number(process.env.BENCH_ROUTING_AGENTS ?? 500);
const MAX_CHATS = Number(process.env.BENCH_ROUTING_MAX_CHATS ?? 4);
const WORKERS = Number(process.env.BENCH_ROUTING_WORKERS ?? 16);
// Three quarters of the capacity, so the last arrivals still find a free agent.
const ARRIVALS = Number(
  process.env.BENCH_ROUTING_ARRIVALS ?? Math.floor(AGENTS * MAX_CHATS * 0.75),
);

interface Run {
  name: string;
  decisions: number;
  ms: number;
  arrival: LatencySummary;
}

/** Runs `arrive` ARRIVALS times, WORKERS at once; the rate counts completed arrivals. */
async function drive(name: string, arrive: (index: number) => Promise<void>): Promise<Run> {
  let next = 0;
  const latencies: number[] = [];
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      for (let index = next++; index < ARRIVALS; index = next++) {
        const began = process.hrtime.bigint();
        await arrive(index);
        latencies.push(elapsedMs(began));
      }
    }),
  );
  return { name, decisions: ARRIVALS, ms: elapsedMs(start), arrival: summarize(latencies) };
}

function report(run: Run): string {
  const rate = (run.decisions / run.ms) * 1000;
  return `${run.name.padEnd(46)} ${String(run.decisions).padStart(6)} in ${run.ms.toFixed(0).padStart(6)} ms = ${rate
    .toFixed(0)
    .padStart(6)}/s\n   ${formatSummary('per arrival (insert + decision)', run.arrival)}`;
}

const rateOf = (run: Run) => (run.decisions / run.ms) * 1000;

describe('routing assignment throughput', () => {
  let database: TestDatabase;
  let replicas: DataSource[];
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('bench_routing');
    const poolSize = Math.ceil(WORKERS / 2) + 1;
    replicas = [0, 1].map((i) =>
      createDataSource({
        url: database.url,
        entities: routingEntities,
        applicationName: `bench-routing-${i}`,
        poolSize,
        pipelined: true,
        prepared: true,
      }),
    );
    await Promise.all(replicas.map((replica) => replica.initialize()));
    pool = new Pool({ connectionString: database.url, max: WORKERS + 2 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas?.map((replica) => replica.destroy()) ?? []);
    await pool?.end();
    await database?.drop();
  });

  /** A workspace with AGENTS online agents in one department, none busy. */
  async function seedWorkspace(): Promise<{ workspaceId: string; departmentId: string }> {
    const workspaceId = randomUUID();
    const departmentId = randomUUID();
    await pool.query(
      `insert into routing.departments (id, workspace_id, name) values ($1, $2, 'Bench')`,
      [departmentId, workspaceId],
    );
    const { rows } = await pool.query<{ id: string }>(
      `insert into routing.agents (workspace_id, name, email, role, password_hash, max_concurrent_chats)
       select $1::uuid, 'Agent ' || i, 'agent' || i || '@' || $1::text || '.test', 'agent', 'x', $3
         from generate_series(1, $2::int) as i returning id`,
      [workspaceId, AGENTS, MAX_CHATS],
    );
    const ids = rows.map((row) => row.id);
    await pool.query(
      `insert into routing.department_agents (workspace_id, department_id, agent_id) select $1, $2, unnest($3::uuid[])`,
      [workspaceId, departmentId, ids],
    );
    await pool.query(
      `insert into routing.agent_status (agent_id, workspace_id, presence) select unnest($1::uuid[]), $2, 'online'`,
      [ids, workspaceId],
    );
    await pool.query('analyze');
    return { workspaceId, departmentId };
  }

  /** Fails unless every arrival is assigned exactly once and nobody is over their maximum. */
  async function checkNoOverCapacity(workspaceId: string): Promise<void> {
    const { rows } = await pool.query<{
      assigned: number;
      queued: number;
      over: number;
      mismatched: number;
    }>(
      `select (select count(*)::int from routing.routes where workspace_id = $1 and state = 'assigned') as assigned,
              (select count(*)::int from routing.routes where workspace_id = $1 and state = 'queued') as queued,
              (select count(*)::int from routing.agent_status s join routing.agents a on a.id = s.agent_id
                where s.workspace_id = $1 and s.active_chats > a.max_concurrent_chats) as over,
              (select count(*)::int from routing.agent_status s
                where s.workspace_id = $1 and s.active_chats <>
                  (select count(*) from routing.routes r where r.agent_id = s.agent_id and r.state = 'assigned')) as mismatched`,
      [workspaceId],
    );
    expect(rows[0]).toEqual({ assigned: ARRIVALS, queued: 0, over: 0, mismatched: 0 });
  }

  function arrival(workspaceId: string, departmentId: string) {
    const conversationId = randomUUID();
    return {
      conversationId,
      workspaceId,
      departmentId,
      openedAt: new Date().toISOString(),
      openedEventId: `bench:${conversationId}`,
      vip: false,
    };
  }

  it('prints decisions per second: the ACD, a row-lock alternative, and the SKIP LOCKED floor', async () => {
    // The hub's ACD as shipped (what a ConversationOpened runs): enqueue, then a drain under
    // the workspace's advisory lock.
    const acd = await seedWorkspace();
    const shipped = await drive('ACD (workspace advisory lock, as shipped)', async (index) => {
      await arrive(replicas[index % 2], arrival(acd.workspaceId, acd.departmentId));
    });
    await checkNoOverCapacity(acd.workspaceId);

    // The alternative weighed in workspace-lock.ts: take the oldest waiting conversation with
    // SKIP LOCKED, lock the eligible agents' rows FOR UPDATE in id order, choose, record.
    const alt = await seedWorkspace();
    const rowLocks = await drive('alternative: FOR UPDATE on candidate agents', async (index) => {
      const replica = replicas[index % 2];
      await new RoutesRepository(replica.manager).enqueue(
        arrival(alt.workspaceId, alt.departmentId),
      );
      // Until nothing unlocked waits: a row skipped as locked is being taken by its locker.
      while (
        await replica.transaction(async (tx) => {
          const [waiting] = await queryRows<{ conversationId: string }>(
            tx,
            `select conversation_id as "conversationId" from routing.routes
            where workspace_id = $1 and state = 'queued'
            order by priority, queue_rank, enqueued_at, conversation_id limit 1 for update skip locked`,
            [alt.workspaceId],
          );
          if (!waiting) return false;
          const candidates = await queryRows<{ agentId: string; active: number }>(
            tx,
            `select s.agent_id as "agentId", s.active_chats as active
             from routing.agent_status s join routing.agents a on a.id = s.agent_id
            where s.workspace_id = $1 and s.presence = 'online' and s.active_chats < a.max_concurrent_chats
            order by s.agent_id for update of s`,
            [alt.workspaceId],
          );
          const best = candidates.reduce((a, b) => (b.active < a.active ? b : a));
          await tx.query(
            `update routing.routes set state = 'assigned', agent_id = $2 where conversation_id = $1`,
            [waiting.conversationId, best.agentId],
          );
          await tx.query(
            `update routing.agent_status set active_chats = active_chats + 1, last_assigned_at = now() where agent_id = $1`,
            [best.agentId],
          );
          return true;
        })
      );
    });
    await checkNoOverCapacity(alt.workspaceId);

    // The floor: a plain job queue, one insert and one SKIP LOCKED pop per arrival.
    await pool.query(`create table bench_jobs (id bigserial primary key, body uuid not null)`);
    const floor = await drive('floor: plain SKIP LOCKED queue pop', async () => {
      await pool.query(`insert into bench_jobs (body) values ($1)`, [randomUUID()]);
      await pool.query(
        `delete from bench_jobs where id = (select id from bench_jobs order by id for update skip locked limit 1) returning id`,
      );
    });

    const lines = [
      `routing assignment: ${AGENTS} agents × ${MAX_CHATS} slots, ${ARRIVALS} arrivals, ${WORKERS} at once over 2 replicas`,
      report(shipped),
      report(rowLocks),
      report(floor),
      `ACD at ${((rateOf(shipped) / rateOf(floor)) * 100).toFixed(0)} % of the floor (floor/ACD = ${(rateOf(floor) / rateOf(shipped)).toFixed(2)}×); ` +
        `row-lock alternative at ${((rateOf(rowLocks) / rateOf(floor)) * 100).toFixed(0)} %; no agent over capacity in either`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  });
});
