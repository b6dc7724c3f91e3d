import { setTimeout as sleep } from 'node:timers/promises';
import type { InboundMessageReceived } from '@hub/contracts';
import { JetStreamPublisher, namespacedSubject } from '@hub/messaging';
import { Client } from 'pg';
import { startHubSuite, type HubSuite } from '../e2e/support/hub-suite';
import { measureFloors } from '../e2e/support/floors';
import { createWorkspaceWithInbox, inboundMessage, publishInbound } from '../e2e/support/inbound';
import { formatSummary, summarize, type LatencySummary } from '../e2e/support/stats';
import { cpuMeter } from './support/process-cpu';
import { profilingEnv } from './support/profiling';

// Customer messages straight into the INBOUND stream (as a connector publishes them), timed to
// the visitor's `message.created` on `rt.visitor.<id>` (what connector-web turns into the
// visitor's `message.ack`): first messages (a customer resolved by crm, a conversation opened,
// routed into a queue with nobody online) with a short queue and with thousands waiting, then
// follow-ups in the open conversations. Knobs: BENCH_NEW_RATE, BENCH_NEW_COUNT,
// BENCH_WAITING, BENCH_FOLLOW_UP_RATES, BENCH_STAGE_SECONDS, BENCH_PROFILE_DIR.
const NEW_RATE = Number(process.env.BENCH_NEW_RATE ?? 20);
const NEW_COUNT = Number(process.env.BENCH_NEW_COUNT ?? 200);
const WAITING = Number(process.env.BENCH_WAITING ?? 5_000);
const FOLLOW_UP_RATES = (process.env.BENCH_FOLLOW_UP_RATES ?? '200,400,800').split(',').map(Number);
const STAGE_SECONDS = Number(process.env.BENCH_STAGE_SECONDS ?? 5);

interface Stage {
  name: string;
  sent: number;
  stored: number;
  perSecond: number;
  latency: LatencySummary;
  /** The started services' CPU (user + system, from /proc) per stored message. */
  servicesCpuMs: number;
  /** Each service's share of it. */
  byService: string;
  /** The whole machine's busy time per stored message (PostgreSQL, NATS and this client too). */
  machineCpuMs: number;
}

describe('new conversations and follow-ups', () => {
  let suite: HubSuite;

  afterAll(() => suite?.stop());

  it('reports conversations/s, follow-ups/s, p99 and service CPU per message against the floors', async () => {
    const services = ['conversation', 'crm', 'routing'] as const;
    suite = await startHubSuite('bench', [...services], {
      LOG_LEVEL: 'warn',
      ...profilingEnv(),
    });
    const floors = await measureFloors({
      databaseUrl: suite.database.url,
      nc: suite.nc,
      namespace: suite.namespace,
    });
    const target = await createWorkspaceWithInbox(suite.database.url);
    const publisher = new JetStreamPublisher(suite.nc, suite.namespace);

    // Stamped when the visitor's realtime copy of the stored message arrives.
    const sentAt = new Map<string, bigint>();
    const latencies: number[] = [];
    let lastArrival = 0n;
    suite.nc.subscribe(namespacedSubject(suite.namespace, 'rt.visitor.>'), {
      callback: (_error, msg) => {
        const event = msg.json<{ type: string; message?: { content: string } }>();
        if (event.type !== 'message.created' || !event.message) return;
        const start = sentAt.get(event.message.content);
        if (start === undefined) return;
        sentAt.delete(event.message.content);
        lastArrival = process.hrtime.bigint();
        latencies.push(Number(lastArrival - start) / 1e6);
      },
    });
    await suite.nc.flush();

    const send = (message: InboundMessageReceived) => {
      sentAt.set(message.content, process.hrtime.bigint());
      void publishInbound(publisher, message);
    };

    /** Sends `messages` at `rate` a second, paced by the clock, then waits for stragglers. */
    const stage = async (name: string, rate: number, messages: InboundMessageReceived[]) => {
      const pids = services.map((service) => suite.hub.service(service).pid!);
      const meters = pids.map((pid) => cpuMeter([pid]));
      const machine = cpuMeter([]);
      const started = process.hrtime.bigint();
      for (const [i, message] of messages.entries()) {
        const wait =
          Number(started) / 1e6 + (i * 1_000) / rate - Number(process.hrtime.bigint()) / 1e6;
        if (wait > 1) await sleep(wait);
        send(message);
      }
      for (let waited = 0; sentAt.size > 0 && waited < 30_000; waited += 100) await sleep(100);
      const cpu = meters.map((meter) => meter.stop().servicesMs);
      const machineMs = machine.stop().machineMs;
      const total = cpu.reduce((a, b) => a + b, 0);
      const stored = latencies.length;
      const result: Stage = {
        name,
        sent: messages.length,
        stored,
        perSecond: stored / (Number(lastArrival - started) / 1e9),
        latency: summarize(latencies),
        servicesCpuMs: total / Math.max(1, stored),
        byService: services
          .map((service, i) => `${service} ${(cpu[i] / Math.max(1, stored)).toFixed(2)}`)
          .join(', '),
        machineCpuMs: machineMs / Math.max(1, stored),
      };
      sentAt.clear();
      latencies.length = 0;
      return result;
    };

    const firstMessages = (count: number) =>
      Array.from({ length: count }, () => inboundMessage(target));
    // Warm-up, not measured: the first messages run colder code (JIT, pools, crm's caches).
    await stage('warm-up', NEW_RATE, firstMessages(50));

    const stages: Stage[] = [];
    const opened = firstMessages(NEW_COUNT);
    stages.push(await stage(`new conversations at ${NEW_RATE}/s, short queue`, NEW_RATE, opened));

    // Thousands waiting in the same workspace queue, as routing would hold them.
    const db = new Client({ connectionString: suite.database.url });
    await db.connect();
    await db.query(
      `insert into routing.routes (conversation_id, workspace_id, state, opened_at, opened_event_id, position)
       select gen_random_uuid(), $1, 'queued', now(), 'bench:' || n, n from generate_series(1, $2) n`,
      [target.workspaceId, WAITING],
    );
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from routing.routes where workspace_id = $1 and state = 'queued'`,
      [target.workspaceId],
    );
    await db.end();
    stages.push(
      await stage(
        `new conversations at ${NEW_RATE}/s, ${rows[0].n} waiting`,
        NEW_RATE,
        firstMessages(NEW_COUNT),
      ),
    );

    for (const rate of FOLLOW_UP_RATES) {
      const followUps = Array.from({ length: rate * STAGE_SECONDS }, (_, i) =>
        inboundMessage(target, { customer: opened[i % opened.length].customer }),
      );
      const result = await stage(`follow-ups at ${rate}/s`, rate, followUps);
      stages.push(result);
      if (result.latency.p99 > 100 || result.stored < result.sent) break;
    }

    const floorP99 =
      floors.postgresInsertCommit.p99 +
      floors.jetstreamPublishAck.p99 +
      floors.natsRequestRoundTrip.p99;
    console.log(
      [
        `new conversations and follow-ups: ${services.join(', ')}; nobody online (every conversation queues)`,
        formatSummary('floor: PostgreSQL insert commit', floors.postgresInsertCommit),
        formatSummary('floor: JetStream publish ack', floors.jetstreamPublishAck),
        formatSummary('floor: NATS request round trip', floors.natsRequestRoundTrip),
        `sum of floor p99s: ${floorP99.toFixed(2)} ms`,
        ...stages.map(
          (s) =>
            `${formatSummary(s.name, s.latency)}  stored ${s.stored}/${s.sent} (${s.perSecond.toFixed(0)}/s)  ` +
            `p99 ${(s.latency.p99 / floorP99).toFixed(1)}× floors  CPU/msg ${s.servicesCpuMs.toFixed(2)} ms (${s.byService}), machine ${s.machineCpuMs.toFixed(2)} ms`,
        ),
      ].join('\n'),
    );
    // Nothing lost or doubled, numbers gap-free, once the last stage's stragglers are in.
    const sent = 50 + stages.reduce((sum, s) => sum + s.sent, 0);
    const check = new Client({ connectionString: suite.database.url });
    await check.connect();
    const counts = async () =>
      (
        await check.query<{ stored: number; gapped: number }>(
          `select (select count(*)::int from conversation.messages) as stored,
                  (select count(*)::int from conversation.conversations c
                    where c.last_seq <> (select count(*) from conversation.messages m
                                          where m.conversation_id = c.id)) as gapped`,
        )
      ).rows[0];
    for (let waited = 0; (await counts()).stored < sent && waited < 60_000; waited += 500)
      await sleep(500);
    const final = await counts();
    await check.end();
    expect(final).toEqual({ stored: sent, gapped: 0 });
  });
});
