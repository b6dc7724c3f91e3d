import type { ServiceEnv } from '@hub/config';
import { natsIdentity, type NatsIdentity } from '@hub/messaging';

/** The identity every NATS connection of `service` uses: `NATS_NKEY_SEED*`, `NATS_TLS_CA_FILE`. */
export function busIdentity(env: ServiceEnv, service: string): NatsIdentity {
  return natsIdentity({
    service,
    namespace: env.HUB_NAMESPACE,
    nkeySeed: env.NATS_NKEY_SEED,
    nkeySeedFile: env.NATS_NKEY_SEED_FILE,
    tlsCaFile: env.NATS_TLS_CA_FILE,
  });
}
