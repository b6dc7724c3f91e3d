import { randomBytes } from 'node:crypto';
import { measureFloors, postgresInsertCommit } from '../support/floors';
import type { LatencySummary } from '../support/stats';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { CHAT_SERVICES } from '../support/load/fault-hub';
import { loadReport, readThresholds } from '../support/load/load-figures';
import { LoadRun } from '../support/load/load-run';
import { untilAllStored } from '../support/load/quiesce';
import { WEBHOOK_CHANNELS, WebhookLoad } from '../support/load/webhook-load';

// `npm run load -- <scenario>`: the k6 scenarios (visitors chatting, agents replying, webhooks
// arriving) driven from Node with real sockets and HTTP, bounded in clients and time, judged by
// the k6 scripts' thresholds next to floors measured in the same run, and checked like the
// faults. Against a running hub when LOAD_GATEWAY_URL, LOAD_CONNECTOR_WEB_URL and
// LOAD_DATABASE_URL are set (webhooks too with LOAD_CONNECTOR_SOCIAL_URL and LOAD_SECRETS_KEY);
// otherwise it starts one. `webhookSenders` is per channel (API, Telegram, Messenger).
const SCENARIOS = {
  smoke: { visitors: 2, agents: 1, pauseMs: 1_000, seconds: 10, webhookSenders: 1 },
  load: { visitors: 50, agents: 5, pauseMs: 500, seconds: 60, webhookSenders: 5 },
  spike: { visitors: 200, agents: 20, pauseMs: 200, seconds: 20, webhookSenders: 20 },
  soak: { visitors: 20, agents: 4, pauseMs: 1_000, seconds: 600, webhookSenders: 2 },
} as const;
type ScenarioName = keyof typeof SCENARIOS;

const name = (process.env.LOAD_SCENARIO ?? 'smoke') as ScenarioName;
const knob = (key: string, fallback: number) => Number(process.env[key] ?? fallback);
const scenario = {
  visitors: knob('LOAD_VISITORS', SCENARIOS[name].visitors),
  agents: knob('LOAD_AGENTS', SCENARIOS[name].agents),
  pauseMs: knob('LOAD_PAUSE_MS', SCENARIOS[name].pauseMs),
  seconds: knob('LOAD_SECONDS', SCENARIOS[name].seconds),
  webhookSenders: knob('LOAD_WEBHOOK_SENDERS', SCENARIOS[name].webhookSenders),
};
// Nothing of this run may reach a real platform: the agents answer web chats only, and any
// call connector-social makes would go to a closed local port.
const NO_PLATFORM = 'http://127.0.0.1:9';

describe(`load: ${name}`, () => {
  let suite: HubSuite | undefined;

  afterAll(() => suite?.stop());

  it('meets the thresholds and keeps every acknowledged message', async () => {
    const external = process.env.LOAD_DATABASE_URL;
    let hub: { gatewayUrl: string; connectorWebUrl: string; databaseUrl: string };
    let social: { connectorSocialUrl: string; secretsKey: string } | undefined;
    let floors: Record<string, LatencySummary>;
    if (external) {
      hub = {
        gatewayUrl: process.env.LOAD_GATEWAY_URL ?? 'http://127.0.0.1:3000',
        connectorWebUrl: process.env.LOAD_CONNECTOR_WEB_URL ?? 'http://127.0.0.1:3001',
        databaseUrl: external,
      };
      const { LOAD_CONNECTOR_SOCIAL_URL: socialUrl, LOAD_SECRETS_KEY: secretsKey } = process.env;
      if (socialUrl && secretsKey) social = { connectorSocialUrl: socialUrl, secretsKey };
      floors = { 'PostgreSQL insert commit': await postgresInsertCommit(external, 500) };
    } else {
      const secretsKey = randomBytes(32).toString('hex');
      suite = await startHubSuite('load', [...CHAT_SERVICES, 'connector-social'], {
        VISITOR_MESSAGES_PER_SECOND: '1000',
        VISITOR_MESSAGES_PER_MINUTE: '100000',
        SESSION_MINT_MAX_PER_IP: '100000',
        API_INBOX_MESSAGES_PER_MINUTE: '1000000',
        SOCIAL_WEBHOOKS_PER_MINUTE: '1000000',
        SECRETS_KEY: secretsKey,
        META_GRAPH_URL: NO_PLATFORM,
        TELEGRAM_API_URL: NO_PLATFORM,
        LINE_API_URL: NO_PLATFORM,
        LINE_DATA_URL: NO_PLATFORM,
        LOG_LEVEL: 'warn',
      });
      hub = {
        gatewayUrl: suite.hub.service('gateway').url,
        connectorWebUrl: suite.hub.service('connector-web').url,
        databaseUrl: suite.database.url,
      };
      social = { connectorSocialUrl: suite.hub.service('connector-social').url, secretsKey };
      const measured = await measureFloors({
        ...suite,
        databaseUrl: hub.databaseUrl,
        samples: 500,
      });
      floors = {
        'PostgreSQL insert commit': measured.postgresInsertCommit,
        'JetStream publish ack': measured.jetstreamPublishAck,
        'NATS request': measured.natsRequestRoundTrip,
      };
    }
    const webhookSenders = social ? scenario.webhookSenders : 0;
    const run = await LoadRun.start({
      ...hub,
      ...scenario,
      replies: true,
      otherCustomers: webhookSenders * WEBHOOK_CHANNELS.length,
    });
    const webhooks =
      social && (await WebhookLoad.start({ ...hub, ...social, workspaceId: run.workspace.id }));
    try {
      let webhooksStop = false;
      const senders = WEBHOOK_CHANNELS.flatMap((channel) =>
        Array.from({ length: webhookSenders }, (_, sender) =>
          webhooks!.run(channel, sender, { pauseMs: scenario.pauseMs, until: () => webhooksStop }),
        ),
      );
      await run.phase(name, undefined, { beforeMs: scenario.seconds * 1_000, afterMs: 0 });
      webhooksStop = true;
      await Promise.all(senders);
      // Web and webhook messages share conversation's inbound stream: both are waited for as
      // long as storing progresses.
      const result = await run.check();
      const webhookViolations: string[] = [];
      if (webhooks) {
        const ok = webhooks.operations.filter((op) => op.outcome === 'ok').length;
        await untilAllStored(() => webhooks.storedCount(hub.databaseUrl), ok);
        webhookViolations.push(...(await webhooks.check(hub.databaseUrl)));
      }
      const violations = [...result.violations, ...webhookViolations];
      process.stdout.write(
        [
          `load ${name}: ${scenario.visitors} visitors, ${scenario.agents} agents replying, ` +
            `${webhookSenders} webhook senders per channel (${WEBHOOK_CHANNELS.join(', ')}), ${scenario.seconds} s`,
          loadReport(run, floors, readThresholds(), webhooks),
          result.table,
          ...violations,
          '',
        ].join('\n'),
      );
      expect(violations).toEqual([]);
    } finally {
      run.close();
    }
  });
});
