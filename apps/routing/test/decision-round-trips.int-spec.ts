import { randomUUID } from 'node:crypto';
import { waitFor, watchStatements } from '@hub/testing';
import { RoutingTestbed } from './support/routing-testbed';

describe('round trips of a routing decision', () => {
  let bed: RoutingTestbed;
  const statements: string[] = [];

  beforeAll(async () => {
    // The second replica only holds the workspace lock where a test needs it held.
    bed = await RoutingTestbed.start('routing_round_trips', 2);
    // Every statement the replica sends, so the count is what the database is asked.
    watchStatements(bed.replicas[0], (sql) =>
      statements.push(sql.trim().split(/\s+/).slice(0, 3).join(' ')),
    );
  });

  afterAll(() => bed.stop());

  it('assigns an arrival to a free agent in seven statements, three round trips under the lock: lock with queue and reads, record, commit', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId);
    statements.length = 0;

    const { conversationId, effects } = await bed.arrive(workspaceId, null);
    const sent = [...statements];

    expect(await bed.route(conversationId)).toMatchObject({ state: 'assigned', agentId });
    expect([...effects.toApply]).toEqual([conversationId]);
    expect(sent).toEqual([
      'START TRANSACTION',
      'select pg_advisory_xact_lock(hashtextextended($1, 0))',
      'insert into routing.routes',
      'with arrival as',
      'with queue as',
      'with planned as',
      'COMMIT',
    ]);
  });

  /** Another process holds the workspace lock until `release()`. */
  async function holdWorkspaceLock(workspaceId: string) {
    const holder = bed.replicas[1].createQueryRunner();
    await holder.connect();
    const lockKey = `routing:${workspaceId}`;
    await holder.query(`select pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
    const waiters = async () => {
      const rows = (await holder.query(
        `select count(*)::int as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`,
      )) as { waiting: number }[];
      return rows[0].waiting;
    };
    return {
      /** Resolves once a drain is waiting for the lock. */
      waitedFor: () =>
        waitFor(
          async () => (await waiters()) === 1,
          10_000,
          () => 'a drain waiting for the lock',
        ),
      async release() {
        await holder.query(`select pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
        await holder.release();
      },
    };
  }

  it("sends the drain's insert and first reads right behind the lock, before it is granted", async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId);
    const lock = await holdWorkspaceLock(workspaceId);
    statements.length = 0;

    const arriving = bed.arrive(workspaceId, null);
    await lock.waitedFor();
    // Still waiting for the lock, and the arrival's insert and both reads are on their way.
    expect(statements).toEqual([
      'START TRANSACTION',
      'select pg_advisory_xact_lock(hashtextextended($1, 0))',
      'insert into routing.routes',
      'with arrival as',
      'with queue as',
    ]);

    await lock.release();
    const { conversationId } = await arriving;
    expect(await bed.route(conversationId)).toMatchObject({ state: 'assigned', agentId });
  });

  it('lets the arrivals that come while a drain waits share the next drain: eight arrivals, two locked transactions', async () => {
    const workspaceId = randomUUID();
    const agentIds = await Promise.all(
      Array.from({ length: 4 }, () => bed.agent(workspaceId, { maxChats: 2 })),
    );
    const lock = await holdWorkspaceLock(workspaceId);
    statements.length = 0;

    // The first arrival's drain waits for the lock; the seven that come meanwhile wait for the
    // drain after it.
    const first = bed.arrive(workspaceId, null);
    await lock.waitedFor();
    const others = Promise.all(Array.from({ length: 7 }, () => bed.arrive(workspaceId, null)));
    await lock.release();
    const arrivals = [await first, ...(await others)];
    const sent = [...statements];

    const routes = await Promise.all(
      arrivals.map(({ conversationId }) => bed.route(conversationId)),
    );
    expect(routes.map((route) => route?.state)).toEqual(Array(8).fill('assigned'));
    expect(new Set(routes.map((route) => route?.agentId))).toEqual(new Set(agentIds));
    // Each decision goes to the conversation service once, from the drain that made it.
    const applied = arrivals.flatMap(({ effects }) => [...effects.toApply]);
    expect(applied.sort()).toEqual(arrivals.map(({ conversationId }) => conversationId).sort());
    // Two drains, each queueing its arrivals in one statement.
    expect(sent.filter((sql) => sql.startsWith('select pg_advisory_xact_lock'))).toHaveLength(2);
    expect(sent.filter((sql) => sql.startsWith('insert into routing.routes'))).toHaveLength(2);
  });

  it('empties a queue without renumbering it, and still tells agents its length is now 0', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId, { maxChats: 1, activeChats: 1 });
    const waiting = await bed.arrive(workspaceId, null);
    expect(waiting.effects.queues).toEqual([
      { type: 'queue.changed', workspaceId, departmentId: null, length: 1 },
    ]);
    statements.length = 0;

    // The agent's one chat ends: the slot goes to the queue.
    const effects = await bed.locked(workspaceId, async (data, fx) => {
      await data.agents.countChats([agentId], -1);
      fx.drain = true;
    });

    const sent = [...statements];

    expect(await bed.route(waiting.conversationId)).toMatchObject({ state: 'assigned', agentId });
    expect(effects.positions).toEqual([]);
    expect(effects.queues).toEqual([
      { type: 'queue.changed', workspaceId, departmentId: null, length: 0 },
    ]);
    expect(sent.some((sql) => sql.startsWith('with recursive departments'))).toBe(false);
  });
});
