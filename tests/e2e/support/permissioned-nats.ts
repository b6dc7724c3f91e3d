import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nkeyAuthenticator, type ConnectionOptions } from '@nats-io/transport-node';
import { HUB_SERVICES, type HubServiceName } from '@hub/config';
import type { BusService } from '@hub/contracts';
import { startNatsServer, type NatsServerHandle } from '@hub/dev-infra';
import { createNkeyUser, natsAuthorizationConfig, type NkeyPair } from '@hub/messaging';

/** A private nats-server enforcing the hub's per-service permissions. */
export interface PermissionedNats {
  url: string;
  /** The server process, for a test that stops or restarts NATS under the hub. */
  server: NatsServerHandle;
  /** The seed of each service's user: what that service (or a test posing as it) connects with. */
  seeds: Record<BusService, string>;
  /** The variables a service (or an extra replica of one) needs to connect as itself. */
  serviceEnv(service: HubServiceName): Record<string, string>;
  /**
   * How the test harness connects: an unrestricted user, since tests publish inbound messages,
   * read streams and watch subjects that no single service may.
   */
  connectOptions(): ConnectionOptions;
  /** The permission violations the server has logged: none while each service keeps to its own. */
  violations(): string[];
  /** Stops the server and deletes its configuration, log and JetStream store. */
  stop(): Promise<void>;
}

/**
 * Starts `nats-server -js` with the authorization block generated from `SERVICE_PERMISSIONS`
 * for `namespace`, one fresh nkey per service, as the launcher and production run it.
 */
export async function startPermissionedNats(namespace: string): Promise<PermissionedNats> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-nats-'));
  const users = Object.fromEntries(
    HUB_SERVICES.map(({ name }) => [name, createNkeyUser()]),
  ) as Record<BusService, NkeyPair>;
  const harness = createNkeyUser();
  const configFile = path.join(dir, 'nats.conf');
  writeFileSync(
    configFile,
    natsAuthorizationConfig({
      namespace,
      servicePublicKeys: mapValues(users, (user) => user.publicKey),
      unrestricted: [{ label: 'test', publicKey: harness.publicKey }],
    }),
  );
  const logFile = path.join(dir, 'nats-server.log');
  const server = await startNatsServer({
    storeDir: path.join(dir, 'jetstream'),
    configFile,
    logFile,
  });
  const seeds = mapValues(users, (user) => user.seed);
  return {
    url: server.url,
    server,
    seeds,
    serviceEnv: (service) => ({ NATS_URL: server.url, NATS_NKEY_SEED: seeds[service] }),
    connectOptions: () => ({
      servers: server.url,
      authenticator: nkeyAuthenticator(new TextEncoder().encode(harness.seed)),
    }),
    violations: () =>
      readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((line) => line.includes('Violation')),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function mapValues<T, U>(
  record: Record<BusService, T>,
  map: (value: T) => U,
): Record<BusService, U> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, map(value)]),
  ) as Record<BusService, U>;
}
