import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startHubSuite, type HubSuite } from '../e2e/support/hub-suite';
import { createSocialInbox, digits, metaSignature } from '../e2e/support/social-platforms';
import { measureFloors } from '../e2e/support/floors';
import { perMessageCpu } from './support/process-cpu';
import { profilingEnv } from './support/profiling';
import { untilStored } from './support/stored-messages';
import { elapsedMs, formatSummary, summarize } from '../e2e/support/stats';

// Signed WhatsApp Cloud API webhooks posted to the running connector-social: BENCH_SOCIAL_CLIENTS
// HTTP clients at once, each posting BENCH_SOCIAL_PER_CLIENT webhooks (one text message each)
// one after another. Latency is from the request to its 200 (after JetStream's ack);
// throughput is webhooks admitted (200) per second, and messages stored by conversation per second.
const CLIENTS = Number(process.env.BENCH_SOCIAL_CLIENTS ?? 20);
const PER_CLIENT = Number(process.env.BENCH_SOCIAL_PER_CLIENT ?? 50);
// Distinct customers (WhatsApp numbers) the messages come from.
const SENDERS = 200;
const APP_SECRET = 'bench-app-secret';
const SECRETS_KEY = randomBytes(32).toString('hex');

describe('social webhooks', () => {
  let suite: HubSuite;

  afterAll(() => suite?.stop());

  it('reports signed webhooks admitted and stored per second, and p99 to 200, against the floors', async () => {
    suite = await startHubSuite('bench_social', ['conversation', 'crm', 'connector-social'], {
      LOG_LEVEL: 'warn',
      ...profilingEnv(),
      SECRETS_KEY,
      SOCIAL_WEBHOOKS_PER_MINUTE: '1000000',
    });
    const floors = await measureFloors({
      databaseUrl: suite.database.url,
      nc: suite.nc,
      namespace: suite.namespace,
    });
    const workspaceId = randomUUID();
    const db = new Client({ connectionString: suite.database.url });
    await db.connect();
    await db.query(`INSERT INTO gateway.workspaces (id, name, slug) VALUES ($1, 'Bench', $2)`, [
      workspaceId,
      `ws-${workspaceId}`,
    ]);
    const phoneNumberId = digits(15);
    const inboxId = await createSocialInbox(suite.database.url, {
      workspaceId,
      channel: 'whatsapp',
      settings: { phoneNumberId },
      secrets: { accessToken: 'token', appSecret: APP_SECRET },
      secretsKey: SECRETS_KEY,
    });
    const phones = Array.from({ length: SENDERS }, () => digits(11));
    const url = `${suite.hub.service('connector-social').url}/webhooks/meta`;

    const webhook = (from: string): string =>
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '102290129340398',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
                  contacts: [{ profile: { name: 'Bench Customer' }, wa_id: from }],
                  messages: [
                    {
                      from,
                      id: `wamid.${randomUUID()}`,
                      timestamp: String(Math.floor(Date.now() / 1000)),
                      type: 'text',
                      text: { body: '您好，我的订单什么时候发货？ご注文ありがとうございます。' },
                    },
                  ],
                },
              },
            ],
          },
        ],
      });

    /** One platform connection: its webhooks one after another; request→200 each. */
    const client = async (index: number, count: number, latencies: number[]): Promise<void> => {
      for (let i = 0; i < count; i++) {
        const body = webhook(phones[(index * count + i) % SENDERS]);
        const start = process.hrtime.bigint();
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Hub-Signature-256': metaSignature(body, APP_SECRET),
          },
          body,
        });
        await response.arrayBuffer();
        latencies.push(elapsedMs(start));
        if (response.status !== 200) throw new Error(`webhook refused: ${response.status}`);
      }
    };
    // Warm-up, not measured: JIT, pools, every sender's customer created once.
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, SENDERS / CLIENTS, [])));
    await untilStored(db, inboxId, SENDERS);

    const latencies: number[] = [];
    const cpu = perMessageCpu(
      suite.hub.all().map((service) => ({ name: service.name, pid: service.pid! })),
    );
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, PER_CLIENT, latencies)));
    const admittedSeconds = elapsedMs(started) / 1_000;
    await untilStored(db, inboxId, SENDERS + CLIENTS * PER_CLIENT);
    const storedSeconds = elapsedMs(started) / 1_000;
    const cpuReport = cpu.report(CLIENTS * PER_CLIENT);
    await db.end();

    const total = CLIENTS * PER_CLIENT;
    const admitted = total / admittedSeconds;
    const persisted = total / storedSeconds;
    const insertFloor = 1_000 / floors.postgresInsertCommit.p50;
    const latency = summarize(latencies);
    console.log(
      [
        `social webhooks: ${CLIENTS} clients × ${PER_CLIENT} signed WhatsApp webhooks`,
        formatSummary('floor: PostgreSQL insert commit', floors.postgresInsertCommit),
        formatSummary('floor: JetStream publish ack', floors.jetstreamPublishAck),
        `floor: single-row inserts/s (1 / p50): ${insertFloor.toFixed(0)}/s`,
        formatSummary('request → 200', latency),
        `admitted (200): ${admitted.toFixed(0)} webhooks/s; stored by conversation: ${persisted.toFixed(0)} messages/s`,
        cpuReport,
        `admitted = ${(admitted / insertFloor).toFixed(2)}×, stored = ${(persisted / insertFloor).toFixed(2)}× the insert floor (target ≥ 0.2×); p99 to 200 ${latency.p99.toFixed(2)} ms (target < 50 ms)`,
      ].join('\n'),
    );
    expect(latency.count).toBe(total);
  });
});
