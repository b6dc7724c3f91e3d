import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '@hub/dev-infra';
import { createTestDatabase, testRunId } from '@hub/testing';
import WebSocket from 'ws';
import { createWorkspaceWithInbox } from '../e2e/support/inbound';
import { MeasuredProcess, type MemorySample } from './support/process-memory';
import { TestHub } from '../e2e/support/test-hub';

// Resident bytes per idle visitor socket on connector-web, next to a bare `ws` server measured
// the same way (same node flags, RSS after a forced GC, same client). Target: at most 1.3×
// (stretch 1×). BENCH_VISITOR_SOCKETS sets how many sockets each server holds (default 2,000).
const TARGET_RATIO = 1.3;
const SOCKETS = Number(process.env.BENCH_VISITOR_SOCKETS ?? 2_000);
const WARM_UP = 100;
const BATCH = 100;
const repoRoot = path.resolve(__dirname, '../..');

interface Measurement {
  baseline: MemorySample;
  loaded: MemorySample;
  /** Growth per socket: resident, and JS heap + external (what the process itself holds). */
  rssPerSocket: number;
  heapPerSocket: number;
}

/** Opens `count` sockets (in batches), each made idle by `open`; keeps them in `into`. */
async function openSockets(
  count: number,
  open: (index: number) => Promise<WebSocket>,
  into: WebSocket[],
): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => open(start + i));
    into.push(...(await Promise.all(batch)));
  }
}

async function closeAll(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.splice(0).map(async (ws) => {
      if (ws.readyState === WebSocket.CLOSED) return;
      const closed = once(ws, 'close');
      ws.close();
      await closed;
    }),
  );
}

async function measure(
  server: MeasuredProcess,
  open: (index: number) => Promise<WebSocket>,
): Promise<Measurement> {
  const sockets: WebSocket[] = [];
  // Warm up first, so one-off costs (JIT, lazily loaded code, pools) are not charged per socket.
  await openSockets(WARM_UP, open, sockets);
  await closeAll(sockets);
  await sleep(1_000);
  const baseline = await server.afterGc();
  await openSockets(SOCKETS, (i) => open(WARM_UP + i), sockets);
  await sleep(2_000);
  const loaded = await server.afterGc();
  const stillOpen = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
  await closeAll(sockets);
  if (stillOpen !== SOCKETS) throw new Error(`only ${stillOpen} of ${SOCKETS} sockets stayed open`);
  return {
    baseline,
    loaded,
    rssPerSocket: (loaded.rss - baseline.rss) / SOCKETS,
    heapPerSocket:
      (loaded.heapUsed + loaded.external - baseline.heapUsed - baseline.external) / SOCKETS,
  };
}

async function openPlain(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  await once(ws, 'open');
  return ws;
}

/** A visitor socket past `hello`: authenticated, subscribed, welcomed, then idle. */
async function openVisitor(url: string, token: string): Promise<WebSocket> {
  const ws = await openPlain(url);
  ws.send(JSON.stringify({ type: 'hello', token }));
  const [data] = (await once(ws, 'message')) as [Buffer];
  const frame = JSON.parse(data.toString('utf8')) as { type: string };
  if (frame.type !== 'welcome') throw new Error(`hello refused: ${data.toString('utf8')}`);
  return ws;
}

async function mintTokens(baseUrl: string, inboxId: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, async () => {
      const response = await fetch(`${baseUrl}/api/v1/widget/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ inboxId }),
      });
      if (response.status !== 201) throw new Error(`session refused: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    });
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const bytes = (n: number) => `${Math.round(n)} B`;
const line = (name: string, m: Measurement) =>
  `${name.padEnd(14)} RSS ${mb(m.baseline.rss).padStart(9)} → ${mb(m.loaded.rss).padStart(9)}` +
  `  per socket: RSS ${bytes(m.rssPerSocket).padStart(8)}  heap+external ${bytes(m.heapPerSocket).padStart(8)}\n`;

describe('visitor socket memory', () => {
  it(`holds ${SOCKETS} idle visitor sockets in at most ${TARGET_RATIO}× the resident bytes of a bare ws server`, async () => {
    const namespace = `${testRunId()}_bmem`;
    const database = await createTestDatabase('bench_visitor_memory');
    const hub = await TestHub.start({
      databaseUrl: database.url,
      namespace,
      services: ['conversation'],
      env: { LOG_LEVEL: 'warn' },
    });
    const servers: MeasuredProcess[] = [];
    try {
      const { inboxId } = await createWorkspaceWithInbox(database.url);

      const barePort = await findFreePort();
      const bare = await MeasuredProcess.start({
        script: path.join(__dirname, 'support/bare-ws-server.cjs'),
        env: { PORT: String(barePort) },
        readyUrl: `http://127.0.0.1:${barePort}/`,
      });
      servers.push(bare);
      const bareResult = await measure(bare, () => openPlain(`ws://127.0.0.1:${barePort}/ws`));
      await bare.stop();

      const webPort = await findFreePort();
      const web = await MeasuredProcess.start({
        script: path.join(repoRoot, 'dist/apps/connector-web/src/main.js'),
        env: {
          PORT: String(webPort),
          DATABASE_URL: database.url,
          ...hub.nats.serviceEnv('connector-web'),
          HUB_NAMESPACE: namespace,
          LOG_LEVEL: 'warn',
          VISITOR_SOCKET_HELLO_TIMEOUT_MS: '60000',
          // Every socket's session is minted from this one address.
          SESSION_MINT_MAX_PER_IP: '1000000',
        },
        readyUrl: `http://127.0.0.1:${webPort}/health/ready`,
      });
      servers.push(web);
      const tokens = await mintTokens(`http://127.0.0.1:${webPort}`, inboxId, WARM_UP + SOCKETS);
      // One visitor per socket (each its own rt.visitor subscription), as on a real site.
      const webResult = await measure(web, (i) =>
        openVisitor(`ws://127.0.0.1:${webPort}/ws/visitor`, tokens[i]),
      );

      const ratio = webResult.rssPerSocket / bareResult.rssPerSocket;
      const heapRatio = webResult.heapPerSocket / bareResult.heapPerSocket;
      process.stdout.write(
        `\nMemory per idle socket, after a forced GC, ${SOCKETS} sockets each\n` +
          line('bare ws', bareResult) +
          line('connector-web', webResult) +
          `ratio connector-web / bare ws: RSS ${ratio.toFixed(2)}×, heap+external ${heapRatio.toFixed(2)}× (target: RSS ≤ ${TARGET_RATIO}×)\n\n`,
      );
      expect(ratio).toBeLessThanOrEqual(TARGET_RATIO);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await hub.stop();
      await database.drop();
    }
  });
});
