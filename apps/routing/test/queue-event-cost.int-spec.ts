import { randomUUID } from 'node:crypto';
import { releaseResolved } from '../src/acd/conversation-lifecycle.use-case';
import type { RoutingEffects } from '../src/acd/routing-effects';
import { RENUMBERED_HEAD } from '../src/queues/queue.repository';
import { RoutingTestbed } from './support/routing-testbed';

/** What one queue event cost: rows written to routing.routes and positions announced. */
interface Cost {
  rowsWritten: number;
  positionsAnnounced: number;
}

describe('the cost of a queue event', () => {
  let bed: RoutingTestbed;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_queue_cost');
    // Counts every row inserted, updated or deleted in routing.routes: deterministic, unlike time.
    await bed.sql(`create table public.route_writes (n bigint not null)`);
    await bed.sql(`insert into public.route_writes values (0)`);
    await bed.sql(`create function public.count_route_write() returns trigger language plpgsql as $$
      begin update public.route_writes set n = n + 1; return null; end $$`);
    await bed.sql(`create trigger count_route_writes after insert or update or delete on routing.routes
      for each row execute function public.count_route_write()`);
  });

  afterAll(() => bed.stop());

  /** A workspace-wide queue of `length` conversations, numbered 1..length as if announced. */
  async function queueOf(length: number): Promise<{ workspaceId: string; ids: string[] }> {
    const workspaceId = randomUUID();
    const rows = await bed.sql<{ id: string }>(
      `insert into routing.routes
         (conversation_id, workspace_id, state, opened_at, opened_event_id, enqueued_at, position)
       select gen_random_uuid(), $1, 'queued', now(), 'seeded:' || n, now() - interval '1 hour' + n * interval '1 ms', n
         from generate_series(1, $2::int) n
       returning conversation_id as id`,
      [workspaceId, length],
    );
    return { workspaceId, ids: rows.map((row) => row.id) };
  }

  async function costOf(event: () => Promise<RoutingEffects>): Promise<Cost> {
    await bed.sql(`update public.route_writes set n = 0`);
    const effects = await event();
    const [writes] = await bed.sql<{ n: string }>(`select n from public.route_writes`);
    return { rowsWritten: Number(writes.n), positionsAnnounced: effects.positions.length };
  }

  /** The head of the queue is resolved, then a customer arrives at the back, then a VIP. */
  async function eventsOn(length: number): Promise<Cost[]> {
    const { workspaceId, ids } = await queueOf(length);
    const departure = await costOf(() =>
      bed.locked(workspaceId, (data, fx) =>
        releaseResolved(
          data,
          { conversationId: ids[0], workspaceId, occurredAt: new Date().toISOString() },
          fx,
        ),
      ),
    );
    const arrival = await costOf(async () => (await bed.arrive(workspaceId, null)).effects);
    const vip = await costOf(
      async () => (await bed.arrive(workspaceId, null, { vip: true })).effects,
    );
    return [departure, arrival, vip];
  }

  it('writes and announces as much in a queue of 5,000 as in one just past the renumbered head', async () => {
    const short = await eventsOn(RENUMBERED_HEAD + 10);
    const long = await eventsOn(5000);

    expect(long).toEqual(short);
    // The departure: its delete, and the head moving up; the arrival: its insert and its
    // position; the VIP: the same, plus everyone in the head one further back.
    expect(short).toEqual([
      { rowsWritten: 1 + RENUMBERED_HEAD, positionsAnnounced: RENUMBERED_HEAD },
      { rowsWritten: 2, positionsAnnounced: 1 },
      { rowsWritten: 1 + RENUMBERED_HEAD, positionsAnnounced: RENUMBERED_HEAD },
    ]);
  });

  it('tells an arrival at the back of a long queue its exact position, and corrects the head', async () => {
    const { workspaceId, ids } = await queueOf(5000);
    await bed.locked(workspaceId, (data, fx) =>
      releaseResolved(
        data,
        { conversationId: ids[0], workspaceId, occurredAt: new Date().toISOString() },
        fx,
      ),
    );
    const arrival = await bed.arrive(workspaceId, null);

    expect(arrival.effects.positions).toEqual([
      expect.objectContaining({ conversationId: arrival.conversationId, position: 5000 }),
    ]);
    expect(await bed.route(ids[1])).toMatchObject({ position: 1 });
    expect(await bed.route(ids[RENUMBERED_HEAD])).toMatchObject({ position: RENUMBERED_HEAD });
    // Further back the position stands as announced until the head reaches it.
    expect(await bed.route(ids[RENUMBERED_HEAD + 1])).toMatchObject({
      position: RENUMBERED_HEAD + 2,
    });
    const listed = await bed.data.queue.waiting(workspaceId);
    expect(listed.at(-1)).toMatchObject({ conversationId: arrival.conversationId, position: 5000 });
    // A visitor's edge asks for one entry: the same answer as the whole listing gives.
    for (const index of [0, RENUMBERED_HEAD, 4999]) {
      const { conversationId } = listed[index];
      expect(await bed.data.queue.entry(workspaceId, conversationId)).toEqual([listed[index]]);
    }
    expect(await bed.data.queue.entry(workspaceId, ids[0])).toEqual([]);

    // The sweep's pass renumbers whole queues: those further back hear how far they moved.
    const sweep = await bed.locked(workspaceId, (_data, fx) => {
      fx.drain = true;
      fx.renumberWholeQueues = true;
      return Promise.resolve();
    });
    expect(await bed.route(ids[RENUMBERED_HEAD + 1])).toMatchObject({
      position: RENUMBERED_HEAD + 1,
    });
    expect(sweep.positions).toHaveLength(4999 - RENUMBERED_HEAD);
    expect(sweep.positions).toContainEqual(
      expect.objectContaining({ conversationId: ids[4999], position: 4999 }),
    );
  });
});
