import { measureFloors, postgresInsertCommit } from '../support/floors';
import type { LatencySummary } from '../support/stats';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { CHAT_SERVICES } from '../support/load/fault-hub';
import { loadReport, readThresholds } from '../support/load/load-figures';
import { LoadRun } from '../support/load/load-run';

// `npm run load -- <scenario>`: the k6 scenarios (visitors chatting, agents replying) driven from
// Node with real sockets, bounded in clients and time, judged by the k6 scripts' thresholds next
// to floors measured in the same run, and checked like the faults. Against a running hub when
// LOAD_GATEWAY_URL, LOAD_CONNECTOR_WEB_URL and LOAD_DATABASE_URL are set; otherwise it starts one.
const SCENARIOS = {
  smoke: { visitors: 2, agents: 1, pauseMs: 1_000, seconds: 10 },
  load: { visitors: 50, agents: 5, pauseMs: 500, seconds: 60 },
  spike: { visitors: 200, agents: 20, pauseMs: 200, seconds: 20 },
  soak: { visitors: 20, agents: 4, pauseMs: 1_000, seconds: 600 },
} as const;
type ScenarioName = keyof typeof SCENARIOS;

const name = (process.env.LOAD_SCENARIO ?? 'smoke') as ScenarioName;
const knob = (key: string, fallback: number) => Number(process.env[key] ?? fallback);
const scenario = {
  visitors: knob('LOAD_VISITORS', SCENARIOS[name].visitors),
  agents: knob('LOAD_AGENTS', SCENARIOS[name].agents),
  pauseMs: knob('LOAD_PAUSE_MS', SCENARIOS[name].pauseMs),
  seconds: knob('LOAD_SECONDS', SCENARIOS[name].seconds),
};

describe(`load: ${name}`, () => {
  let suite: HubSuite | undefined;

  afterAll(() => suite?.stop());

  it('meets the thresholds and keeps every acknowledged message', async () => {
    const external = process.env.LOAD_DATABASE_URL;
    let hub: { gatewayUrl: string; connectorWebUrl: string; databaseUrl: string };
    let floors: Record<string, LatencySummary>;
    if (external) {
      hub = {
        gatewayUrl: process.env.LOAD_GATEWAY_URL ?? 'http://127.0.0.1:3000',
        connectorWebUrl: process.env.LOAD_CONNECTOR_WEB_URL ?? 'http://127.0.0.1:3001',
        databaseUrl: external,
      };
      floors = { 'PostgreSQL insert commit': await postgresInsertCommit(external, 500) };
    } else {
      suite = await startHubSuite('load', CHAT_SERVICES, {
        VISITOR_MESSAGES_PER_SECOND: '1000',
        VISITOR_MESSAGES_PER_MINUTE: '100000',
        SESSION_MINT_MAX_PER_IP: '100000',
        LOG_LEVEL: 'warn',
      });
      hub = {
        gatewayUrl: suite.hub.service('gateway').url,
        connectorWebUrl: suite.hub.service('connector-web').url,
        databaseUrl: suite.database.url,
      };
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
    const run = await LoadRun.start({ ...hub, ...scenario, replies: true });
    try {
      await run.phase(name, undefined, { beforeMs: scenario.seconds * 1_000, afterMs: 0 });
      const result = await run.check();
      process.stdout.write(
        [
          `load ${name}: ${scenario.visitors} visitors, ${scenario.agents} agents replying, ${scenario.seconds} s`,
          loadReport(run, floors, readThresholds()),
          result.table,
          ...result.violations,
          '',
        ].join('\n'),
      );
      expect(result.violations).toEqual([]);
    } finally {
      run.close();
    }
  });
});
