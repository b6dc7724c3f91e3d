import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@hub/testing';
import type { Database } from '@hub/service-kit';
import { DataSource } from 'typeorm';
import type { ConnectorWebEnv } from '../src/connector-web.env';
import { BeaconQueue } from '../src/live-visitors/beacon-queue';
import type { QueuedView, StoredVisitor } from '../src/live-visitors/beacon-types';
import { LivePresence } from '../src/live-visitors/live-presence';
import type { LiveVisitorEvents } from '../src/live-visitors/live-visitor-events';
import { VisitDerivation } from '../src/live-visitors/visit-derivation';
import { VisitStore } from '../src/live-visitors/visit-store';

// Storage, batching and the departure sweep against a real, migrated PostgreSQL.
describe('live visitor storage', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let store: VisitStore;
  const workspaceId = randomUUID();
  const inboxId = randomUUID();
  const client = { ip: '8.8.8.8', userAgent: undefined, locales: [] };
  const env = {
    BEACON_FLUSH_MS: 50,
    BEACON_BATCH_ROWS: 500,
    BEACON_MAX_PENDING_ROWS: 3,
    VISITOR_GONE_SECONDS: 1,
    VISITOR_SWEEP_MS: 1_000,
  } as ConnectorWebEnv;

  const visitor = () => ({ visitorId: randomUUID(), workspaceId, inboxId });
  const view = (url: string, receivedAt = new Date()): QueuedView => ({
    pageViewId: randomUUID(),
    url,
    title: `<b>${url}</b>`,
    referrer: 'https://www.bing.com/search?q=blue+shoes',
    receivedAt,
  });

  beforeAll(async () => {
    database = await createTestDatabase('webvisits');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    store = new VisitStore({ dataSource } as Database, new VisitDerivation());
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('stores visits and page views once, counts pages, and starts a new visit after 30 idle minutes', async () => {
    const who = visitor();
    const first = view('https://shop.example/a', new Date(Date.now() - 3 * 3600_000));
    const [stored] = await store.write([{ visitor: who, client, views: [first], leaves: [] }]);
    expect(stored).toMatchObject({
      arrived: true,
      newVisit: true,
      visitCount: 1,
      pagesViewed: 1,
      searchKeyword: 'blue shoes',
    });

    // The same page view again (a resent beacon) and its leave: nothing new, a duration.
    const again = await store.write([
      {
        visitor: who,
        client,
        views: [first],
        leaves: [{ pageViewId: first.pageViewId, durationMs: 900 }],
      },
    ]);
    expect(again[0]).toMatchObject({ freshViews: false, visitId: stored.visitId });

    // Hours later: a second visit.
    const [later] = await store.write([
      {
        visitor: who,
        client,
        views: [view('https://shop.example/b'), view('https://shop.example/c')],
        leaves: [],
      },
    ]);
    expect(later).toMatchObject({ newVisit: true, visitCount: 2, pagesViewed: 2 });
    expect(later.visitId).not.toBe(stored.visitId);

    const pages: unknown[] = await dataSource.query(
      `select visit_id, title, duration_ms from web.page_views where visitor_id = $1 order by id`,
      [who.visitorId],
    );
    expect(pages).toEqual([
      { visit_id: stored.visitId, title: '<b>https://shop.example/a</b>', duration_ms: 900 },
      { visit_id: later.visitId, title: '<b>https://shop.example/b</b>', duration_ms: null },
      { visit_id: later.visitId, title: '<b>https://shop.example/c</b>', duration_ms: null },
    ]);
    const [visit]: unknown[] = await dataSource.query(
      `select source, search_engine, country, city from web.visits where id = $1`,
      [stored.visitId],
    );
    expect(visit).toEqual({
      source: 'search',
      search_engine: 'Bing',
      country: 'US',
      city: 'Mountain View',
    });
  });

  it('queues beacons and writes them in batches; under overload keeps each visitor with their latest page', async () => {
    const queue = new BeaconQueue(store, env);
    const flushed: StoredVisitor[] = [];
    queue.onFlushed((stored) => {
      flushed.push(...stored);
      return Promise.resolve();
    });
    const busy = visitor();
    const quiet = visitor();
    queue.enqueue(quiet, client, [view('https://shop.example/quiet')], []);
    for (const page of ['1', '2', '3', '4', '5']) {
      queue.enqueue(busy, client, [view(`https://shop.example/${page}`)], []);
    }
    expect(queue.coalesced).toBeGreaterThan(0);
    await queue.flush();
    expect(queue.pendingRows).toBe(0);
    const rows: { visitor_id: string; current_url: string }[] = await dataSource.query(
      `select visitor_id, current_url from web.visitors where visitor_id = any($1)`,
      [[busy.visitorId, quiet.visitorId]],
    );
    expect(new Map(rows.map((r) => [r.visitor_id, r.current_url]))).toEqual(
      new Map([
        [busy.visitorId, 'https://shop.example/5'],
        [quiet.visitorId, 'https://shop.example/quiet'],
      ]),
    );
    expect(flushed.map((s) => s.visitor.visitorId).sort()).toEqual(
      [busy.visitorId, quiet.visitorId].sort(),
    );
  });

  it('hands each departure to exactly one of two sweeping replicas', async () => {
    const gone = visitor();
    await store.write([
      { visitor: gone, client, views: [view('https://shop.example/x')], leaves: [] },
    ]);
    await dataSource.query(
      `update web.visitors set last_seen_at = now() - interval '1 hour' where visitor_id = $1`,
      [gone.visitorId],
    );
    const told: string[] = [];
    const events = {
      left: (list: { visitorId: string }[]) => {
        told.push(...list.map((entry) => entry.visitorId));
        return Promise.resolve();
      },
    } as unknown as LiveVisitorEvents;
    const replicas = [1, 2].map(() => new LivePresence({ dataSource } as Database, events, env));
    await Promise.all(replicas.map((replica) => replica.sweep()));
    expect(told.filter((id) => id === gone.visitorId)).toHaveLength(1);
    const [row]: unknown[] = await dataSource.query(
      `select online from web.visitors where visitor_id = $1`,
      [gone.visitorId],
    );
    expect(row).toEqual({ online: false });
  });
});
