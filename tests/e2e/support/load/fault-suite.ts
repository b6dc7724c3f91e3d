import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { HubServiceName } from '@hub/config';
import { namespacedStream } from '@hub/messaging';
import type { ServiceProcess } from '@hub/testing';
import { CHAT_SERVICES, type FaultHub } from './fault-hub';
import {
  freeze,
  kill9,
  kill9Together,
  killNats,
  killReplicas,
  rollingRestart,
  stopPostgres,
  type Fault,
} from './faults';
import { LoadRun, type PhaseTiming } from './load-run';

const REPLICATED = ['gateway', 'connector-web', 'conversation', 'routing'] as const;
// The INBOUND stream's Nats-Msg-Id window while the duplicate fault runs (10 minutes normally).
const SHORT_DUPLICATE_WINDOW_MS = 1_000;

export interface FaultSuiteOptions {
  visitors: number;
  agents: number;
  pauseMs: number;
  /** Load before each fault and after its repair. */
  beforeMs: number;
  afterMs: number;
  /**
   * `long`: every fault on its own (issue 14's list). `short`, for `npm test`: the five services
   * killed at once, NATS, PostgreSQL and the duplicates, which fit its time budget.
   */
  form: 'short' | 'long';
  /** Called as each phase ends (progress of a long run). */
  onPhase?: (timing: PhaseTiming) => void;
}

export type FaultSuiteResult = Awaited<ReturnType<LoadRun['check']>>;

/**
 * Every fault of issue 14 in sequence on one hub under a steady chat load, then one check of the
 * whole history. Faults that do not interfere share the hub; the figures are per fault.
 */
export async function runFaultSuite(
  target: FaultHub,
  options: FaultSuiteOptions,
): Promise<FaultSuiteResult> {
  const run = await LoadRun.start({
    gatewayUrl: target.hub.service('gateway').url,
    connectorWebUrl: target.hub.service('connector-web').url,
    databaseUrl: target.databaseUrl,
    faultTarget: target,
    visitors: options.visitors,
    agents: options.agents,
    pauseMs: options.pauseMs,
  });
  const long = options.form === 'long';
  const phase = async (fault?: Fault) => {
    const timing = await run.phase(fault?.name ?? 'no fault', fault, options);
    options.onPhase?.(timing);
  };
  // A fault whose repair failed (a cold start past its timeout on a starved machine) ends the
  // run, but what was sent until then is still checked and its figures reported.
  let broken: string | undefined;
  try {
    await phase();
    // First: it changes the stream's configuration, which is easiest on an unbroken server.
    await duplicates(run, target);
    if (long) for (const name of CHAT_SERVICES) await phase(kill9(name));
    else await phase(kill9Together(CHAT_SERVICES));
    await phase(killNats());
    await phase(stopPostgres());
    if (long) await phase(freeze('conversation'));
    if (long) {
      await phase(rollingRestart(CHAT_SERVICES));
      await replicas(run, target, options);
    }
  } catch (error) {
    broken = `the run stopped early: ${error instanceof Error ? error.message : String(error)}`;
  }
  try {
    const result = await run.check();
    return broken ? { ...result, violations: [broken, ...result.violations] } : result;
  } finally {
    run.close();
  }
}

/**
 * The same message three times at once, then once more after the stream's duplicate window:
 * JetStream deduplicates the first three, PostgreSQL's unique key the last.
 */
async function duplicates(run: LoadRun, target: FaultHub): Promise<void> {
  const jsm = await jetstreamManager(target.nc);
  const name = namespacedStream(target.namespace, 'INBOUND');
  const { config } = await jsm.streams.info(name);
  await jsm.streams.update(name, { ...config, duplicate_window: nanos(SHORT_DUPLICATE_WINDOW_MS) });
  try {
    const drainUntil = () => Infinity;
    await Promise.all(
      run.visitors.map(async (visitor) => {
        const op = visitor.beginOperation('same message ×3, again after the window');
        await visitor.sendCopies(op, 3, drainUntil);
        await sleep(SHORT_DUPLICATE_WINDOW_MS + 500);
        await visitor.sendCopies(op, 1, drainUntil);
      }),
    );
  } finally {
    await jsm.streams.update(name, config);
  }
}

/**
 * A second process of gateway, connector-web, conversation and routing; clients spread over the
 * edges' replicas; the second of each killed mid-run (not restarted).
 */
async function replicas(run: LoadRun, target: FaultHub, options: FaultSuiteOptions): Promise<void> {
  const second = new Map<HubServiceName, ServiceProcess>();
  await Promise.all(
    REPLICATED.map(async (name) => second.set(name, await target.hub.startReplica(name))),
  );
  run.webUrls = [...run.webUrls, second.get('connector-web')!.url];
  run.gatewayUrls = [...run.gatewayUrls, second.get('gateway')!.url];
  // Every other client moves to the new replica.
  run.visitors.forEach((v, i) => i % 2 === 1 && v.reconnectNow());
  run.agents.forEach((a, i) => i % 2 === 1 && a.reconnectNow());
  const fault = killReplicas(() => [...second.values()]);
  const survivors = (urls: string[], dead?: ServiceProcess) => urls.filter((u) => u !== dead?.url);
  await run.phase(
    fault.name,
    {
      ...fault,
      inject: async (t) => {
        await fault.inject(t);
        run.webUrls = survivors(run.webUrls, second.get('connector-web'));
        run.gatewayUrls = survivors(run.gatewayUrls, second.get('gateway'));
      },
    },
    options,
  );
}
