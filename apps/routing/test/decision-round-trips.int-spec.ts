import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { RoutingTestbed } from './support/routing-testbed';

describe('round trips of a routing decision', () => {
  let bed: RoutingTestbed;
  const statements: string[] = [];

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_round_trips');
    // Every statement the replica sends, transaction control included (TypeORM sends those
    // through the same query runner), so the count is what the database is asked.
    const replica = bed.replicas[0];
    const create = replica.createQueryRunner.bind(replica);
    replica.createQueryRunner = (mode?: 'master' | 'slave'): QueryRunner => {
      const runner = create(mode);
      const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
      runner.query = ((sql: string, ...rest: unknown[]) => {
        statements.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
        return query(sql, ...rest);
      }) as QueryRunner['query'];
      return runner;
    };
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
