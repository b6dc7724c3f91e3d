import { setTimeout as sleep } from 'node:timers/promises';
import type { HubServiceName } from '@hub/config';
import type { EmbeddedPostgresHandle } from '@hub/dev-infra';
import type { ServiceProcess } from '@hub/testing';
import type { TestHub } from '../test-hub';

// conversation's inbound consumer (apps/conversation/src/messages/inbound-message.handler.ts).
export const CONVERSATION_ACK_WAIT_MS = 10_000;
// A cold start on the shared, loaded two-core machine has taken over 90 s.
const READY_TIMEOUT_MS = 180_000;

export interface FaultTarget {
  hub: TestHub;
  /** The hub's private PostgreSQL, for the fault that stops it. */
  postgres?: EmbeddedPostgresHandle;
}

/**
 * One fault: `inject` breaks something, `heal` repairs it and resolves with the time the
 * repaired part took to be ready again (its cold start in this run).
 */
export interface Fault {
  name: string;
  inject(target: FaultTarget): Promise<void>;
  heal(target: FaultTarget): Promise<number>;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function restart(service: ServiceProcess): Promise<number> {
  return timed(async () => {
    service.start();
    await service.waitUntilReady(true, READY_TIMEOUT_MS);
  });
}

async function allReady(hub: TestHub): Promise<void> {
  await Promise.all(hub.all().map((s) => s.waitUntilReady(true, READY_TIMEOUT_MS)));
}

/** kill -9 of one service, down for `downMs`, then started again. */
export function kill9(name: HubServiceName, downMs = 1_000): Fault {
  return kill9Together([name], downMs);
}

/** kill -9 of several services at the same moment, then all started again at once. */
export function kill9Together(names: readonly HubServiceName[], downMs = 1_000): Fault {
  return {
    name: `kill -9 ${names.join(' + ')}`,
    inject: async ({ hub }) => {
      await Promise.all(names.map((name) => hub.service(name).stop('SIGKILL')));
      await sleep(downMs);
    },
    heal: async ({ hub }) =>
      Math.max(...(await Promise.all(names.map((name) => restart(hub.service(name)))))),
  };
}

/** kill -9 of the hub's nats-server, restarted on the same port and JetStream store. */
export function killNats(downMs = 1_000): Fault {
  return {
    name: 'kill -9 nats-server',
    inject: async ({ hub }) => {
      await hub.nats.server.stop('SIGKILL');
      await sleep(downMs);
    },
    heal: ({ hub }) =>
      timed(async () => {
        await hub.nats.server.restart();
        await allReady(hub);
      }),
  };
}

/** PostgreSQL stopped in immediate mode (no checkpoint: crash recovery on start), then started. */
export function stopPostgres(downMs = 1_000): Fault {
  return {
    name: 'PostgreSQL stop -m immediate',
    inject: async ({ postgres }) => {
      if (!postgres) throw new Error('this hub has no private PostgreSQL to stop');
      await postgres.stop('immediate');
      await sleep(downMs);
    },
    heal: ({ hub, postgres }) =>
      timed(async () => {
        await postgres!.restart();
        await allReady(hub);
      }),
  };
}

/** SIGSTOP of a consumer for longer than its ack wait, then SIGCONT. */
export function freeze(name: HubServiceName, frozenMs = CONVERSATION_ACK_WAIT_MS + 1_500): Fault {
  return {
    name: `SIGSTOP ${name} ${Math.round(frozenMs / 1000)} s`,
    inject: async ({ hub }) => {
      hub.service(name).signal('SIGSTOP');
      await sleep(frozenMs);
    },
    heal: ({ hub }) =>
      timed(async () => {
        hub.service(name).signal('SIGCONT');
        await hub.service(name).waitUntilReady(true, READY_TIMEOUT_MS);
      }),
  };
}

/** SIGTERM of each service in turn, each started again before the next goes (a rolling restart). */
export function rollingRestart(names: readonly HubServiceName[]): Fault {
  return {
    name: 'SIGTERM each (rolling)',
    inject: () => Promise.resolve(),
    heal: async ({ hub }) => {
      let slowest = 0;
      for (const name of names) {
        await hub.service(name).stop('SIGTERM');
        slowest = Math.max(slowest, await restart(hub.service(name)));
      }
      return slowest;
    },
  };
}

/** kill -9 of the given replicas (the other process of each service carries on), not restarted. */
export function killReplicas(replicas: () => readonly ServiceProcess[]): Fault {
  return {
    name: 'two replicas, kill -9 one of each',
    inject: async () => {
      await Promise.all(replicas().map((r) => r.stop('SIGKILL')));
    },
    heal: () => Promise.resolve(0),
  };
}
