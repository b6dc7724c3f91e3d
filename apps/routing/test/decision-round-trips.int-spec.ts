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

  it('assigns an arrival to a free agent in seven statements: queue, begin, lock, one read, decide, record, commit', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId);
    statements.length = 0;

    const { conversationId, effects } = await bed.arrive(workspaceId, null);
    const sent = [...statements];

    expect(await bed.route(conversationId)).toMatchObject({ state: 'assigned', agentId });
    expect([...effects.toApply]).toEqual([conversationId]);
    expect(sent).toEqual([
      'insert into routing.routes',
      'START TRANSACTION',
      'select pg_advisory_xact_lock(hashtextextended($1, 0))',
      'with arrival as',
      'with queue as',
      'with planned as',
      'COMMIT',
    ]);
  });

  it("sends the drain's first reads right behind the lock, before it is granted", async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId);
    const holder = bed.replicas[1].createQueryRunner();
    await holder.connect();
    const lockKey = `routing:${workspaceId}`;
    await holder.query(`select pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
    statements.length = 0;

    const arriving = bed.arrive(workspaceId, null);
    const waitingForLock = async () => {
      const rows = (await holder.query(
        `select count(*)::int as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`,
      )) as { waiting: number }[];
      return rows[0].waiting === 1;
    };
    await waitFor(waitingForLock, 10_000, () => 'the drain waiting for the workspace lock');
    // Still waiting for the lock, and both reads are already on their way.
    expect(statements).toEqual([
      'insert into routing.routes',
      'START TRANSACTION',
      'select pg_advisory_xact_lock(hashtextextended($1, 0))',
      'with arrival as',
      'with queue as',
    ]);

    await holder.query(`select pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
    await holder.release();
    const { conversationId } = await arriving;
    expect(await bed.route(conversationId)).toMatchObject({ state: 'assigned', agentId });
  });

  it('lets arrivals at once in one process share one drain: eight arrivals, one locked transaction', async () => {
    const workspaceId = randomUUID();
    const agentIds = await Promise.all(
      Array.from({ length: 4 }, () => bed.agent(workspaceId, { maxChats: 2 })),
    );
    // Another process holds the workspace lock until all eight are queued: the first arrival's
    // drain waits for it, the seven others wait for the drain after it.
    const holder = bed.replicas[1].createQueryRunner();
    await holder.connect();
    const lockKey = `routing:${workspaceId}`;
    await holder.query(`select pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
    statements.length = 0;

    const arriving = Promise.all(Array.from({ length: 8 }, () => bed.arrive(workspaceId, null)));
    const queued = async () => {
      const rows = (await holder.query(
        `select count(*)::int as queued from routing.routes where workspace_id = $1`,
        [workspaceId],
      )) as { queued: number }[];
      return rows[0].queued;
    };
    await waitFor(
      async () => (await queued()) === 8,
      10_000,
      () => 'eight arrivals queued',
    );
    await holder.query(`select pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
    await holder.release();
    const arrivals = await arriving;
    const sent = [...statements];

    const routes = await Promise.all(
      arrivals.map(({ conversationId }) => bed.route(conversationId)),
    );
    expect(routes.map((route) => route?.state)).toEqual(Array(8).fill('assigned'));
    expect(new Set(routes.map((route) => route?.agentId))).toEqual(new Set(agentIds));
    // Each decision goes to the conversation service once, from the drain that made it.
    const applied = arrivals.flatMap(({ effects }) => [...effects.toApply]);
    expect(applied.sort()).toEqual(arrivals.map(({ conversationId }) => conversationId).sort());
    // The first drain took all eight; the next one saw that without taking the lock.
    expect(sent.filter((sql) => sql.startsWith('select pg_advisory_xact_lock'))).toHaveLength(1);
    expect(sent.filter((sql) => sql.startsWith('select cardinality'))).toHaveLength(1);
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
