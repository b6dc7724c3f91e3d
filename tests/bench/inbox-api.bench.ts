import { AgentRole } from '@hub/domain';
import { Client, Pool } from 'pg';
import { conversationListSql } from '../../apps/conversation/src/conversations/conversation-list.query';
import { GatewayApi } from '../e2e/support/gateway-api';
import { startHubSuite, type HubSuite } from '../e2e/support/hub-suite';
import { createWorkspace, type WorkspaceFixture } from '../e2e/support/workspace-fixture';
import { elapsedMs, formatSummary, summarize, type LatencySummary } from '../e2e/support/stats';

// The inbox app's two hottest reads — the conversation list and one conversation's messages —
// with AGENTS agents refreshing at once on a big workspace (by default 100,000 conversations and
// 1 million messages), through the product (gateway REST → conversation), next to the same SQL
// run directly on the same database, at the same concurrency, in the same run.
const CONVERSATIONS = Number(process.env.BENCH_INBOX_CONVERSATIONS ?? 100_000);
const MESSAGES = Number(process.env.BENCH_INBOX_MESSAGES ?? 1_000_000);
const AGENTS = Number(process.env.BENCH_INBOX_AGENTS ?? 50);
const ROUNDS = Number(process.env.BENCH_INBOX_ROUNDS ?? 20);
const PAGE = 50;
const SERVICES = ['gateway', 'routing', 'conversation', 'crm'] as const;
// conversation's connection pool (libs/persistence's default): the floor gets as many.
const POOL_SIZE = 10;

// Conversations spread over the agents (every fifth one waiting in the queue, unassigned), most
// resolved, one in ten active; updated_at spread over the last 100,000 minutes.
const CONVERSATIONS_SQL = `
  insert into conversation.conversations
    (workspace_id, inbox_id, customer_id, customer_external_id, status, assignee_id, last_seq,
     created_at, updated_at)
  select $1, $2, gen_random_uuid(), gen_random_uuid()::text,
         case when i % 5 = 0 then 'open' when i % 10 = 1 then 'assigned' else 'resolved' end,
         case when i % 5 = 0 then null else ($3::uuid[])[1 + (i / 5) % cardinality($3::uuid[])] end,
         $4::int, now() - make_interval(mins => i), now() - make_interval(mins => i)
    from generate_series(1, $5::int) i`;

const MESSAGES_SQL = `
  insert into conversation.messages
    (workspace_id, conversation_id, inbox_id, seq, direction, sender_type, content, content_type,
     delivery_status, created_at)
  select c.workspace_id, c.id, c.inbox_id, s,
         case when s % 2 = 1 then 'inbound' else 'outbound' end,
         case when s % 2 = 1 then 'customer' else 'agent' end,
         'message ' || s || ' 你好、こんにちは', 'text', 'delivered', c.created_at + make_interval(secs => s)
    from conversation.conversations c cross join generate_series(1, $2::int) s
   where c.workspace_id = $1`;

// What conversation runs for each read (its own list statement, then TypeORM's statements as
// its query log shows them; the inbox lookup is cached in the service, so it is not here).
const LIST_ROWS_SQL = `select * from conversation.conversations where id = any($1::uuid[])`;
const LIST_TAGS_SQL = `
  select ct.conversation_id, t.id, t.name, t.colour
    from conversation.conversation_tags ct join conversation.tags t on t.id = ct.tag_id
   where ct.conversation_id = any($1::uuid[])`;
const FIND_SQL = `select * from conversation.conversations where workspace_id = $1 and id = $2 limit 1`;
const MESSAGES_PAGE_SQL = `
  select * from conversation.messages
   where conversation_id = $1 and seq > 0 order by seq asc limit 200`;

interface BenchAgent {
  id: string;
  token: string;
  conversationId: string;
}

async function seed(db: Client, workspace: WorkspaceFixture): Promise<void> {
  const perConversation = Math.max(1, Math.round(MESSAGES / CONVERSATIONS));
  await db.query(`set synchronous_commit = off`);
  const agentIds = Object.values(workspace.agents).map((agent) => agent.id);
  const step = async (name: string, sql: string, parameters: unknown[]) => {
    const began = process.hrtime.bigint();
    const result = await db.query(sql, parameters);
    console.log(
      `seeded ${name}: ${result.rowCount} rows in ${(elapsedMs(began) / 1000).toFixed(1)} s`,
    );
  };
  await step('conversations', CONVERSATIONS_SQL, [
    workspace.id,
    workspace.inboxId,
    agentIds,
    perConversation,
    CONVERSATIONS,
  ]);
  await step('messages', MESSAGES_SQL, [workspace.id, perConversation]);
  await db.query(`analyze conversation.conversations`);
  await db.query(`analyze conversation.messages`);
}

/**
 * Runs `AGENTS` workers, each calling `run` `ROUNDS` times one after another (an agent
 * refreshing), all at once; the latency of every call.
 */
async function concurrently(run: (agent: BenchAgent) => Promise<unknown>, agents: BenchAgent[]) {
  for (const agent of agents.slice(0, 5)) await run(agent); // warm-up: plans, caches, connections
  const samples: number[] = [];
  const began = process.hrtime.bigint();
  await Promise.all(
    agents.map(async (agent) => {
      for (let round = 0; round < ROUNDS; round++) {
        const start = process.hrtime.bigint();
        await run(agent);
        samples.push(elapsedMs(start));
      }
    }),
  );
  const seconds = elapsedMs(began) / 1000;
  return { summary: summarize(samples), perSecond: samples.length / seconds };
}

function line(name: string, result: { summary: LatencySummary; perSecond: number }): string {
  return `${formatSummary(name, result.summary)}  ${result.perSecond.toFixed(0)}/s`;
}

describe('inbox API with many agents refreshing on a big workspace', () => {
  let suite: HubSuite;
  let db: Client;
  let pool: Pool;
  let workspace: WorkspaceFixture;
  let agents: BenchAgent[];
  let api: GatewayApi;

  beforeAll(async () => {
    // Every agent logs in from this one address: the per-IP login limit is raised out of the way.
    suite = await startHubSuite('bench_inbox', SERVICES, {
      LOGIN_IP_MAX_ATTEMPTS: String(AGENTS * 2),
    });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    pool = new Pool({ connectionString: suite.database.url, max: POOL_SIZE });
    const roles = Object.fromEntries(
      Array.from({ length: AGENTS }, (_, i) => [`agent${i}`, AgentRole.Agent]),
    );
    workspace = await createWorkspace(suite.database.url, roles);
    await seed(db, workspace);
    api = new GatewayApi(suite.hub.service('gateway').url);
    agents = [];
    for (const agent of Object.values(workspace.agents)) {
      const { rows } = await db.query<{ id: string }>(
        `select id from conversation.conversations where assignee_id = $1
            order by updated_at desc limit 1`,
        [agent.id],
      );
      agents.push({
        id: agent.id,
        token: await api.login(workspace.slug, agent.email, agent.password),
        conversationId: rows[0].id,
      });
    }
  }, 60 * 60_000);

  afterAll(async () => {
    await pool?.end();
    await db?.end();
    await suite?.stop();
  });

  it('serves the conversation list and one conversation’s messages, next to the same SQL run directly', async () => {
    // A refused answer (a 503 when a service behind the gateway did not answer in time) is
    // counted, not thrown: the run's figures stand, with how many failed beside them.
    const refused: Record<string, number> = {};
    const answered = (what: string, status: number) => {
      if (status !== 200) refused[`${what} ${status}`] = (refused[`${what} ${status}`] ?? 0) + 1;
    };
    const list = async ({ token }: BenchAgent) => {
      const reply = await api.call('GET', `/api/v1/conversations?view=mine&limit=${PAGE}`, {
        token,
      });
      answered('list', reply.status);
    };
    const messages = async ({ token, conversationId }: BenchAgent) => {
      const reply = await api.call('GET', `/api/v1/conversations/${conversationId}/messages`, {
        token,
      });
      answered('messages', reply.status);
    };
    const listSql = async ({ id }: BenchAgent) => {
      const { sql, parameters } = conversationListSql({
        workspaceId: workspace.id,
        actor: { agentId: id, role: AgentRole.Agent },
        view: 'mine',
        limit: PAGE,
      });
      const { rows } = await pool.query<{ id: string }>(sql, parameters);
      // The statement reads one row more, to tell whether a next page exists.
      const ids = rows.slice(0, PAGE).map((row) => row.id);
      await pool.query(LIST_ROWS_SQL, [ids]);
      await pool.query(LIST_TAGS_SQL, [ids]);
    };
    const messagesSql = async ({ conversationId }: BenchAgent) => {
      await pool.query(FIND_SQL, [workspace.id, conversationId]);
      await pool.query(MESSAGES_PAGE_SQL, [conversationId]);
    };

    const phase = async (name: string, run: (agent: BenchAgent) => Promise<unknown>) => {
      const result = await concurrently(run, agents);
      console.log(line(name, result));
      return result;
    };
    const results = {
      list: await phase('conversation list via gateway', list),
      listSql: await phase('conversation list SQL directly', listSql),
      messages: await phase('messages via gateway', messages),
      messagesSql: await phase('messages SQL directly', messagesSql),
    };
    const ratio = (product: LatencySummary, floor: LatencySummary) =>
      `${(product.p99 / floor.p99).toFixed(1)}x`;
    console.log(
      [
        `${CONVERSATIONS} conversations, ${MESSAGES} messages, ${AGENTS} agents × ${ROUNDS} refreshes at once`,
        line('conversation list via gateway', results.list),
        line('conversation list SQL directly', results.listSql),
        line('messages via gateway', results.messages),
        line('messages SQL directly', results.messagesSql),
        `p99 ratio list ${ratio(results.list.summary, results.listSql.summary)}, messages ${ratio(results.messages.summary, results.messagesSql.summary)}`,
        `refused answers: ${JSON.stringify(refused)}`,
      ].join('\n'),
    );
    expect(results.list.summary.count).toBe(AGENTS * ROUNDS);
    expect(results.messages.summary.count).toBe(AGENTS * ROUNDS);
    // Most answers must be real ones for the figures to mean anything.
    const refusedCount = Object.values(refused).reduce((sum, n) => sum + n, 0);
    expect(refusedCount).toBeLessThan(AGENTS * ROUNDS * 0.1);
  });
});
