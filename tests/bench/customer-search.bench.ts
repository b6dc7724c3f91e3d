import { randomBytes } from 'node:crypto';
import { hashPassword } from '@hub/auth';
import { AgentRole } from '@hub/domain';
import { testRunId } from '@hub/testing';
import { Client, Pool } from 'pg';
import { customerSearchSql } from '../../apps/crm/src/customers/customer-search';
import { GatewayApi } from '../e2e/support/gateway-api';
import { startHubSuite, type HubSuite } from '../e2e/support/hub-suite';
import { TestHub } from '../e2e/support/test-hub';
import { createWorkspace, type WorkspaceFixture } from '../e2e/support/workspace-fixture';
import { elapsedMs, formatSummary, summarize, type LatencySummary } from '../e2e/support/stats';

// Customer search and one customer's timeline on a big workspace (by default 1 million
// customers, each with a web identity and a conversation, and 10 million messages), through
// the product (gateway REST → crm → conversation and connector-web), next to the same SQL run
// directly on the same database in the same run.
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const PAGE = 20;
// Seeding a million customers and ten million messages takes many minutes: a database a run
// seeded (its name, kept with BENCH_KEEP_DATABASE=1) can be measured again as it is.
const REUSE_DATABASE = process.env.BENCH_REUSE_DATABASE;
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === '1';
const SERVICES = ['gateway', 'routing', 'conversation', 'crm', 'connector-web'] as const;

// Surnames, so a two-character CJK query (王小, 山田) has many matches to page through.
const SEED_SQL = `
  insert into crm.customers (workspace_id, name, email, phone, tags, created_at, updated_at)
  select $1,
         case when i % 2 = 0
           then (array['王','李','张','刘','陈','杨','山田','佐藤','鈴木','田中'])[1 + i % 10]
                || (array['小','明','美','太','花','一','子','大'])[1 + (i / 10) % 8]
                || chr(19968 + ((i::bigint * 7919) % 20902)::int)
           else (array['Ada','Grace','Linus','Mei','Hanako','Taro','Wei','Ana'])[1 + i % 8]
                || ' Customer' || i
         end,
         'c' || i || '@example.test',
         '+81 90 ' || lpad(i::text, 8, '0'),
         case when i % 100 = 0 then array['wholesale'] else '{}'::text[] end,
         now() - make_interval(secs => i), now() - make_interval(secs => i)
    from generate_series(1, $2::int) i`;

const IDENTITIES_SQL = `
  insert into crm.customer_identities (workspace_id, customer_id, channel, kind, external_id)
  select workspace_id, id, 'web', 'channel', gen_random_uuid()::text
    from crm.customers where workspace_id = $1`;

const CONVERSATIONS_SQL = `
  insert into conversation.conversations
    (workspace_id, inbox_id, customer_id, customer_external_id, status, last_seq, created_at, updated_at)
  select c.workspace_id, $2, c.id, i.external_id, 'resolved', $3::int, c.created_at, c.created_at
    from crm.customers c join crm.customer_identities i on i.customer_id = c.id
   where c.workspace_id = $1`;

const MESSAGES_SQL = `
  insert into conversation.messages
    (workspace_id, conversation_id, inbox_id, seq, direction, sender_type, content, content_type,
     delivery_status, created_at)
  select c.workspace_id, c.id, c.inbox_id, s,
         case when s % 2 = 1 then 'inbound' else 'outbound' end,
         case when s % 2 = 1 then 'customer' else 'agent' end,
         'message ' || s || ' of ' || c.id, 'text', 'delivered', c.created_at + make_interval(secs => s)
    from conversation.conversations c cross join generate_series(1, $2::int) s
   where c.workspace_id = $1`;

interface Target {
  customerId: string;
  visitorId: string;
}

async function seed(db: Client, workspace: WorkspaceFixture): Promise<Target> {
  const perConversation = Math.max(1, Math.round(MESSAGES / CUSTOMERS));
  await db.query(`set synchronous_commit = off`);
  await db.query(`set maintenance_work_mem = '256MB'`);
  const step = async (name: string, sql: string, parameters: unknown[]) => {
    const began = process.hrtime.bigint();
    const result = await db.query(sql, parameters);
    console.log(
      `seeded ${name}: ${result.rowCount} rows in ${(elapsedMs(began) / 1000).toFixed(1)} s`,
    );
  };
  await step('customers', SEED_SQL, [workspace.id, CUSTOMERS]);
  await step('identities', IDENTITIES_SQL, [workspace.id]);
  await step('conversations', CONVERSATIONS_SQL, [
    workspace.id,
    workspace.inboxId,
    perConversation,
  ]);
  await step('messages', MESSAGES_SQL, [workspace.id, perConversation]);
  // The customer whose timeline is read: a long story on every source.
  const { rows } = await db.query<{ id: string; external_id: string }>(
    `select c.id, i.external_id from crm.customers c
       join crm.customer_identities i on i.customer_id = c.id
      where c.workspace_id = $1 order by c.created_at desc limit 1`,
    [workspace.id],
  );
  const target = { customerId: rows[0].id, visitorId: rows[0].external_id };
  await db.query(
    `insert into crm.orders (workspace_id, customer_id, external_id, status, total_cents, currency, ordered_at)
     select $1, $2, 'SO-' || n, 'paid', 1000 * n, 'JPY', now() - make_interval(hours => n * 7)
       from generate_series(1, 30) n`,
    [workspace.id, target.customerId],
  );
  await db.query(
    `insert into crm.notes (workspace_id, author_id, body, customer_id, created_at)
     select $1, $3, 'note ' || n, $2, now() - make_interval(hours => n * 5)
       from generate_series(1, 20) n`,
    [workspace.id, target.customerId, workspace.agents.alice.id],
  );
  await db.query(
    `insert into crm.tickets (workspace_id, subject, customer_id, created_at)
     select $1, 'ticket ' || n, $2, now() - make_interval(hours => n * 11)
       from generate_series(1, 10) n`,
    [workspace.id, target.customerId],
  );
  await db.query(
    `insert into web.visits (id, workspace_id, inbox_id, visitor_id, source, started_at, last_seen_at, pages_viewed)
     select gen_random_uuid(), $1, $2, $3::uuid, 'direct', now() - make_interval(hours => n * 3),
            now() - make_interval(hours => n * 3), n
       from generate_series(1, 40) n`,
    [workspace.id, workspace.inboxId, target.visitorId],
  );
  await db.query(`analyze`);
  return target;
}

/** The seeded workspace of a kept database, with a fresh password for its agent. */
async function reuse(db: Client): Promise<{ workspace: WorkspaceFixture; target: Target }> {
  const { rows } = await db.query<{
    workspace_id: string;
    inbox_id: string;
    customer_id: string;
    external_id: string;
  }>(
    `select o.workspace_id, v.inbox_id, o.customer_id, i.external_id
       from crm.orders o
       join crm.customer_identities i on i.customer_id = o.customer_id
       join web.visits v on v.visitor_id::text = i.external_id
      limit 1`,
  );
  const seeded = rows[0];
  const password = randomBytes(9).toString('base64url');
  const agent = await db.query<{ id: string; email: string; slug: string }>(
    `update routing.agents a set password_hash = $2
       from gateway.workspaces w
      where a.workspace_id = $1 and w.id = a.workspace_id
      returning a.id, a.email, w.slug`,
    [seeded.workspace_id, await hashPassword(password)],
  );
  const { id, email, slug } = agent.rows[0];
  return {
    workspace: {
      id: seeded.workspace_id,
      slug,
      inboxId: seeded.inbox_id,
      departmentId: '',
      agents: { alice: { id, name: 'alice', email, password, role: AgentRole.Agent } },
    },
    target: { customerId: seeded.customer_id, visitorId: seeded.external_id },
  };
}

/** Services on an existing database that the bench neither migrates nor drops. */
async function startOnDatabase(name: string): Promise<HubSuite> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  const namespace = `${testRunId()}_bench_customers`;
  const hub = await TestHub.start({ databaseUrl: url.toString(), namespace, services: SERVICES });
  const { connect } = await import('@nats-io/transport-node');
  const nc = await connect(hub.nats.connectOptions());
  return {
    namespace,
    database: { name, url: url.toString(), drop: () => Promise.resolve() },
    hub,
    nc,
    async stop(options) {
      await nc.close();
      await hub.stop(options);
    },
  };
}

async function measure(run: (i: number) => Promise<unknown>): Promise<LatencySummary> {
  for (let i = 0; i < 20; i++) await run(i); // warm-up: plans, caches, connections
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const began = process.hrtime.bigint();
    await run(i);
    samples.push(elapsedMs(began));
  }
  return summarize(samples);
}

// What search sends, varied so no single cached answer is measured.
const SEARCHES: { query?: string; tag?: string }[] = [
  { query: '王小' },
  { query: '山田' },
  { query: 'c12345' },
  { query: '+81 90 0004' },
  { query: 'grace c' },
  { tag: 'wholesale' },
];

describe('customer search and timeline on a big workspace', () => {
  let suite: HubSuite;
  let db: Client;
  let pool: Pool;
  let workspace: WorkspaceFixture;
  let target: Target;
  let token: string;
  let api: GatewayApi;

  beforeAll(async () => {
    suite = REUSE_DATABASE
      ? await startOnDatabase(REUSE_DATABASE)
      : await startHubSuite('bench_customers', SERVICES);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    pool = new Pool({ connectionString: suite.database.url, max: 5 });
    if (REUSE_DATABASE) {
      ({ workspace, target } = await reuse(db));
    } else {
      workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
      target = await seed(db, workspace);
    }
    console.log(`database ${suite.database.url.split('/').pop()}`);
    api = new GatewayApi(suite.hub.service('gateway').url);
    const alice = workspace.agents.alice;
    token = await api.login(workspace.slug, alice.email, alice.password);
  }, 60 * 60_000);

  afterAll(async () => {
    await pool?.end();
    await db?.end();
    if (KEEP_DATABASE) suite.database.drop = () => Promise.resolve();
    await suite?.stop();
  });

  it('finds customers by a two-character CJK prefix with the name index, not a scan', async () => {
    const { sql, parameters } = customerSearchSql({
      workspaceId: workspace.id,
      query: '王小',
      limit: PAGE,
    });
    const plan = (
      await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, parameters)
    ).rows
      .map((row) => row['QUERY PLAN'])
      .join('\n');
    console.log(`EXPLAIN ANALYZE of the search for 王小:\n${plan}`);
    expect(plan).toContain('ix_customers_name_prefix');
    expect(plan).not.toMatch(/Seq Scan on customers/);
  });

  it('answers search and timeline through the product, next to the same SQL run directly', async () => {
    const search = (i: number) => {
      const criteria = SEARCHES[i % SEARCHES.length];
      const query = new URLSearchParams({ ...criteria, limit: String(PAGE) });
      return api.call('GET', `/api/v1/customers?${query.toString()}`, { token });
    };
    // The statements crm runs for a page: the search, then the customers' rows, identities and
    // attributes.
    const searchSql = async (i: number) => {
      const criteria = SEARCHES[i % SEARCHES.length];
      const { sql, parameters } = customerSearchSql({
        workspaceId: workspace.id,
        ...criteria,
        limit: PAGE,
      });
      const rows = (await pool.query<{ id: string }>(sql, parameters)).rows.slice(0, PAGE);
      const ids = rows.map((row) => row.id);
      await Promise.all([
        pool.query(`select * from crm.customers where id = any($1::uuid[])`, [ids]),
        pool.query(
          `select * from crm.customer_identities where customer_id = any($1::uuid[]) order by created_at, id`,
          [ids],
        ),
        pool.query(
          `select * from crm.customer_attributes where customer_id = any($1::uuid[]) order by key`,
          [ids],
        ),
      ]);
    };
    const timeline = () =>
      api.call('GET', `/api/v1/customers/${target.customerId}/timeline?limit=${PAGE}`, { token });
    // The statements behind one timeline page, each source's newest PAGE + 1, at once.
    const timelineSql = async () => {
      const limit = PAGE + 1;
      const newest = (table: string, time: string, extra = '') =>
        pool.query(
          `select * from ${table} where workspace_id = $1 and ${extra || 'customer_id = $2'}
            order by date_trunc('milliseconds', ${time}) desc, id desc limit ${limit}`,
          [workspace.id, extra ? [target.visitorId] : target.customerId],
        );
      await Promise.all([
        pool.query(`select 1 from crm.customers where id = $1 and workspace_id = $2`, [
          target.customerId,
          workspace.id,
        ]),
        pool.query(
          `select * from crm.customer_identities where customer_id = $1 and channel = 'web'`,
          [target.customerId],
        ),
        newest('crm.tickets', 'created_at'),
        newest('crm.orders', 'ordered_at'),
        newest('crm.notes', 'created_at'),
        newest('conversation.conversations', 'created_at'),
        newest('web.visits', 'started_at', 'visitor_id = any($2::uuid[])'),
      ]);
    };

    const first = await search(0);
    expect(first.status).toBe(200);
    const firstTimeline = await timeline();
    expect(firstTimeline.status).toBe(200);

    const results = {
      search: await measure(search),
      searchSql: await measure(searchSql),
      timeline: await measure(timeline),
      timelineSql: await measure(timelineSql),
    };
    console.log(
      [
        `${CUSTOMERS} customers, ${MESSAGES} messages, ${ITERATIONS} requests each`,
        formatSummary('search via gateway REST', results.search),
        formatSummary('search SQL run directly', results.searchSql),
        formatSummary('timeline via gateway REST', results.timeline),
        formatSummary('timeline SQL run directly', results.timelineSql),
        `p99 ratio search ${(results.search.p99 / results.searchSql.p99).toFixed(1)}x, timeline ${(results.timeline.p99 / results.timelineSql.p99).toFixed(1)}x`,
      ].join('\n'),
    );
  });
});
