import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUS_SERVICES, type BusService } from '@hub/contracts';
import { createNkeyUser, natsAuthorizationConfig, nkeyPublicKey } from '@hub/messaging';
import { privateDir } from './state-dir';

/** What a nats-server needs to enforce the bus permissions, and what each service connects with. */
export interface NatsCredentials {
  /** The generated `authorization { users = [...] }` block. */
  configFile: string;
  /** Each service's seed file (0600): `NATS_NKEY_SEED_FILE`, or a Kubernetes Secret's content. */
  seedFiles: Record<BusService, string>;
}

export interface PrepareNatsCredentialsOptions {
  /** Holds `<service>.seed`; seeds already there are kept, missing ones created. */
  keysDir: string;
  configFile: string;
  namespace: string;
}

/**
 * One nkey per service, kept across runs, and the authorization block allowing each exactly its
 * subjects, rewritten every time so it follows `SERVICE_PERMISSIONS`.
 */
export function prepareNatsCredentials(options: PrepareNatsCredentialsOptions): NatsCredentials {
  mkdirSync(options.keysDir, { recursive: true, mode: 0o700 });
  const seedFiles = {} as Record<BusService, string>;
  const publicKeys = {} as Record<BusService, string>;
  for (const service of BUS_SERVICES) {
    const file = path.join(options.keysDir, `${service}.seed`);
    if (!existsSync(file)) writeFileSync(file, `${createNkeyUser().seed}\n`, { mode: 0o600 });
    seedFiles[service] = file;
    publicKeys[service] = nkeyPublicKey(readFileSync(file, 'utf8'));
  }
  const config = natsAuthorizationConfig({
    namespace: options.namespace,
    servicePublicKeys: publicKeys,
  });
  writeFileSync(options.configFile, config, { mode: 0o600 });
  return { configFile: options.configFile, seedFiles };
}

/** The launcher's own: seeds in `<state>/private/nats-keys/`, the configuration beside them. */
export function prepareLocalNatsCredentials(stateDir: string, namespace: string): NatsCredentials {
  const own = privateDir(stateDir);
  return prepareNatsCredentials({
    keysDir: path.join(own, 'nats-keys'),
    configFile: path.join(own, 'nats-server.conf'),
    namespace,
  });
}
