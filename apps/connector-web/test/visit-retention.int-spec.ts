import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ServiceEnv, validateEnv } from '@hub/config';
import { SUBJECTS, type WorkspaceRetention } from '@hub/contracts';
import { namespacedSubject } from '@hub/messaging';
import { RpcClient, type Database } from '@hub/service-kit';
import { createTestDatabase, testRunId, testServices } from '@hub/testing';
import { DataSource } from 'typeorm';
import { VisitRetention } from '../src/privacy/visit-retention';

const DAY_MS = 24 * 3600_000;
const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

// The retention job of visits against a real, migrated PostgreSQL; the test answers, on real
// NATS, gateway's list of the workspaces that limit retention.
describe('visit retention', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let retention: VisitRetention;
  const limited = randomUUID();
  const unlimited = randomUUID();
  const inboxId = randomUUID();

  beforeAll(async () => {
    const namespace = `${testRunId()}_visitret`;
    database = await createTestDatabase('webvisitretention');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    nc = await connect({ servers: testServices.natsUrl });
    const workspaces: WorkspaceRetention[] = [{ workspaceId: limited, retentionDays: 30 }];
    nc.subscribe(namespacedSubject(namespace, SUBJECTS.gateway.listWorkspaceRetention.subject), {
      callback: (_error, message) => {
        const { id } = message.json<{ id: string }>();
        message.respond(JSON.stringify({ id, response: workspaces, isDisposed: true }));
      },
    });
    await nc.flush();
    const env = validateEnv(ServiceEnv, {
      PORT: '3003',
      DATABASE_URL: database.url,
      NATS_URL: testServices.natsUrl,
      HUB_NAMESPACE: namespace,
      LOG_LEVEL: 'warn',
    });
    rpc = new RpcClient(env, 'connector-web');
    const db = { connected: () => Promise.resolve(dataSource) } as Database;
    retention = new VisitRetention(db, rpc, 'connector-web');
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await nc?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  /** A visitor's visit with one page view and one invitation, last seen `at`. */
  async function visit(
    workspaceId: string,
    { at, visitorRow = false }: { at: Date; visitorRow?: boolean },
  ): Promise<{ visitorId: string; visitId: string }> {
    const visitorId = randomUUID();
    const visitId = randomUUID();
    await dataSource.query(
      `insert into web.visits (id, workspace_id, inbox_id, visitor_id, source, started_at, last_seen_at)
       values ($1, $2, $3, $4, 'direct', $5, $5)`,
      [visitId, workspaceId, inboxId, visitorId, at],
    );
    await dataSource.query(
      `insert into web.page_views (workspace_id, visitor_id, visit_id, page_view_id, url, title, viewed_at)
       values ($1, $2, $3, $4, 'https://shop.example/', 'Shop', $5)`,
      [workspaceId, visitorId, visitId, randomUUID(), at],
    );
    await dataSource.query(
      `insert into web.invitations (workspace_id, inbox_id, visitor_id, visit_id, message, created_at, updated_at)
       values ($1, $2, $3, $4, 'Can we help?', $5, $5)`,
      [workspaceId, inboxId, visitorId, visitId, at],
    );
    if (visitorRow) {
      await dataSource.query(
        `insert into web.visitors (visitor_id, workspace_id, inbox_id, visit_count, first_seen_at,
           current_visit_id, current_url, current_title, online, online_since, last_seen_at)
         values ($1, $2, $3, 1, $4, $5, 'https://shop.example/', 'Shop', false, $4, $4)`,
        [visitorId, workspaceId, inboxId, at, visitId],
      );
    }
    return { visitorId, visitId };
  }

  const rowsOf = async (visitorId: string) => {
    const counts: Record<string, number> = {};
    for (const table of ['web.visitors', 'web.visits', 'web.page_views', 'web.invitations']) {
      const [{ n }] = await dataSource.query<{ n: number }[]>(
        `select count(*)::int as n from ${table} where visitor_id = $1`,
        [visitorId],
      );
      counts[table] = n;
    }
    return counts;
  };

  it("removes visits, page views, invitations and visitors last seen before the workspace's cutoff", async () => {
    const old = await visit(limited, { at: daysAgo(45), visitorRow: true });
    const recent = await visit(limited, { at: daysAgo(5), visitorRow: true });
    const elsewhere = await visit(unlimited, { at: daysAgo(400), visitorRow: true });

    const report = await retention.run(NOW);

    expect(report).toEqual({
      [limited]: {
        'web.page_views': 1,
        'web.invitations': 1,
        'web.visitors': 1,
        'web.visits': 1,
      },
    });
    const nothing = {
      'web.visitors': 0,
      'web.visits': 0,
      'web.page_views': 0,
      'web.invitations': 0,
    };
    const whole = { 'web.visitors': 1, 'web.visits': 1, 'web.page_views': 1, 'web.invitations': 1 };
    expect(await rowsOf(old.visitorId)).toEqual(nothing);
    expect(await rowsOf(recent.visitorId)).toEqual(whole);
    expect(await rowsOf(elsewhere.visitorId)).toEqual(whole);
  });

  it("keeps an old visit that is still a returning visitor's current one, removing only its old pages", async () => {
    const returning = await visit(limited, { at: daysAgo(60) });
    await dataSource.query(
      `insert into web.visitors (visitor_id, workspace_id, inbox_id, visit_count, first_seen_at,
         current_visit_id, current_url, current_title, online, online_since, last_seen_at)
       values ($1, $2, $3, 1, $4, $5, 'https://shop.example/', 'Shop', true, $6, $6)`,
      [returning.visitorId, limited, inboxId, daysAgo(60), returning.visitId, daysAgo(1)],
    );
    await retention.run(NOW);
    expect(await rowsOf(returning.visitorId)).toEqual({
      'web.visitors': 1,
      'web.visits': 1,
      'web.page_views': 0,
      'web.invitations': 0,
    });
  });
});
