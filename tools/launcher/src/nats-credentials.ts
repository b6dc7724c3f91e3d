import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUS_SERVICES, type BusService } from '@hub/contracts';
import { createNkeyUser, natsAuthorizationConfig, nkeyPublicKey } from '@hub/messaging';
import { privateDir } from './state-dir';

/** Where the launcher keeps what its own nats-server needs to enforce the bus permissions. */
export interface LocalNatsCredentials {
  /** The nats-server configuration: the authorization block for namespace `hub`. */
  configFile: string;
  /** Each service's seed file (0600), passed to it as `NATS_NKEY_SEED_FILE`. */
  seedFiles: Record<BusService, string>;
}

/**
 * One nkey per service, kept in `<state>/private/nats-keys/<service>.seed` (0600) across runs,
 * and the nats-server configuration allowing each exactly its subjects, rewritten at every
 * start so it follows `SERVICE_PERMISSIONS`.
 */
export function prepareLocalNatsCredentials(
  stateDir: string,
  namespace: string,
): LocalNatsCredentials {
  const keysDir = path.join(privateDir(stateDir), 'nats-keys');
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const seedFiles = {} as Record<BusService, string>;
  const publicKeys = {} as Record<BusService, string>;
  for (const service of BUS_SERVICES) {
    const file = path.join(keysDir, `${service}.seed`);
    if (!existsSync(file)) writeFileSync(file, `${createNkeyUser().seed}\n`, { mode: 0o600 });
    seedFiles[service] = file;
    publicKeys[service] = nkeyPublicKey(readFileSync(file, 'utf8'));
  }
  const configFile = path.join(privateDir(stateDir), 'nats-server.conf');
  writeFileSync(configFile, natsAuthorizationConfig({ namespace, servicePublicKeys: publicKeys }), {
    mode: 0o600,
  });
  return { configFile, seedFiles };
}
