import type { ServiceEnv } from '@hub/config';
import { natsIdentity, type NatsIdentity } from '@hub/messaging';

/** The NATS identity every connection of `service` uses, from `NATS_NKEY_SEED*` and `NATS_TLS_CA_FILE`. */
export function busIdentity(env: ServiceEnv, service: string): NatsIdentity {
  return natsIdentity({
    service,
    namespace: env.HUB_NAMESPACE,
    nkeySeed: env.NATS_NKEY_SEED,
    nkeySeedFile: env.NATS_NKEY_SEED_FILE,
    tlsCaFile: env.NATS_TLS_CA_FILE,
  });
}
