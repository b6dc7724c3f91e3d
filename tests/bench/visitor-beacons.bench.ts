import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { startHubSuite, type HubSuite } from '../e2e/support/hub-suite';
import { createWorkspaceWithInbox } from '../e2e/support/inbound';

// Page-view beacons admitted per second by connector-web, and how soon the live view (each
// visitor's current page in web.visitors) reflects the last one, with BENCH_VISITORS online;
// next to a PostgreSQL multi-row insert floor of the same rows in the same run.
const VISITORS = Number(process.env.BENCH_VISITORS ?? 5_000);
const STAGE_SECONDS = Number(process.env.BENCH_STAGE_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const FLOOR_BATCH = 500;

/** User + system CPU seconds a process has used (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The pid listening on `port` (the connector-web process the suite started). */
function pidOnPort(port: number): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`no process listens on ${port}`);
  return Number(pid);
}

describe('visitor beacons', () => {
  let suite: HubSuite;
  let db: Client;

  beforeAll(async () => {
    suite = await startHubSuite('beaconbench', ['connector-web', 'conversation', 'crm'], {
      TRUST_PROXY: 'loopback',
      BEACONS_PER_IP_PER_MINUTE: '100000000',
      BEACONS_PER_VISITOR_PER_MINUTE: '100000000',
      VISITOR_GONE_SECONDS: '3600',
      LOG_LEVEL: 'warn',
    });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  it('admits beacons and reflects them in the live view, next to the insert floor', async () => {
    const web = suite.hub.service('connector-web').url;
    const { workspaceId, inboxId } = await createWorkspaceWithInbox(suite.database.url);
    // Sessions straight into the table (minting 5,000 over HTTP measures something else).
    const tokens = Array.from({ length: VISITORS }, () => randomBytes(32).toString('base64url'));
    for (let i = 0; i < VISITORS; i += 1_000) {
      const chunk = tokens.slice(i, i + 1_000);
      await db.query(
        `insert into web.visitor_sessions (workspace_id, inbox_id, visitor_id, token_hash)
         select $1, $2, gen_random_uuid(), unnest($3::text[])`,
        [workspaceId, inboxId, chunk.map((t) => createHash('sha256').update(t).digest('hex'))],
      );
    }
    const lastUrl = new Map<number, string>();
    let seq = 0;
    const beacon = async (visitor: number): Promise<number> => {
      const url = `https://shop.example/p/${visitor}/${++seq}`;
      const response = await fetch(`${web}/api/v1/widget/beacons`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-forwarded-for': `198.51.100.${visitor % 250}` },
        body: JSON.stringify({
          token: tokens[visitor],
          events: [
            {
              type: 'view',
              pageViewId: randomUUID(),
              url,
              title: 'P',
              referrer: '',
              at: new Date().toISOString(),
            },
          ],
        }),
      });
      await response.arrayBuffer();
      if (response.status === 204) lastUrl.set(visitor, url);
      return response.status;
    };
    // Everyone online first.
    for (let i = 0; i < VISITORS; i += CONCURRENCY) {
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, VISITORS - i) }, (_, j) => beacon(i + j)),
      );
    }
    const online = async () =>
      Number(
        (await db.query<{ count: string }>(`select count(*) from web.visitors where online`))
          .rows[0].count,
      );
    while ((await online()) < VISITORS) await sleep(100);

    const pid = pidOnPort(new URL(web).port ? Number(new URL(web).port) : 80);
    const cpuBefore = cpuSeconds(pid);
    const started = Date.now();
    const deadline = started + STAGE_SECONDS * 1000;
    let admitted = 0;
    let refused = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < deadline) {
          const status = await beacon(next++ % VISITORS);
          if (status === 204) admitted++;
          else refused++;
        }
      }),
    );
    const stageMs = Date.now() - started;
    // Reflected: every visitor's current page is the last one admitted for them.
    const reflected = async () => {
      const { rows } = await db.query<{ visitor_id: string; current_url: string }>(
        `select current_url from web.visitors`,
      );
      const current = new Set(rows.map((row) => row.current_url));
      return [...lastUrl.values()].every((url) => current.has(url));
    };
    while (!(await reflected())) await sleep(50);
    const reflectedMs = Date.now() - started;
    const cpu = cpuSeconds(pid) - cpuBefore;
    const stored = Number(
      (await db.query<{ count: string }>(`select count(*) from web.page_views`)).rows[0].count,
    );

    // Floor: the same number of page-view rows, 500 per multi-row insert, one connection.
    await db.query(
      `create temporary table floor_views (like web.page_views including defaults including identity)`,
    );
    const floorStart = Date.now();
    for (let i = 0; i < admitted; i += FLOOR_BATCH) {
      const n = Math.min(FLOOR_BATCH, admitted - i);
      await db.query(
        `insert into floor_views (workspace_id, visitor_id, visit_id, page_view_id, url, title, referrer, viewed_at)
         select $1, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'https://shop.example/p/' || g, 'P', null, now()
           from generate_series(1, $2) g`,
        [workspaceId, n],
      );
    }
    const floorMs = Date.now() - floorStart;

    const perSecond = (admitted / stageMs) * 1000;
    const floorPerSecond = (admitted / floorMs) * 1000;
    console.log(
      [
        `visitors online: ${VISITORS}, concurrency ${CONCURRENCY}, stage ${stageMs} ms`,
        `admitted: ${admitted} (${perSecond.toFixed(0)}/s), refused ${refused}`,
        `live view right for every visitor after ${reflectedMs} ms (${reflectedMs - stageMs} ms after the last beacon)`,
        `page views stored: ${stored} (the rest coalesced under overload)`,
        `connector-web CPU: ${cpu.toFixed(2)} s, ${((cpu / admitted) * 1e6).toFixed(0)} µs per beacon`,
        `floor (multi-row insert of ${FLOOR_BATCH}): ${floorPerSecond.toFixed(0)} rows/s; beacons / floor = ${((perSecond / floorPerSecond) * 100).toFixed(1)} %`,
      ].join('\n'),
    );
    expect(refused).toBe(0);
  });
});
