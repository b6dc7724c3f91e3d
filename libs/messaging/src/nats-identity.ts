import { readFileSync } from 'node:fs';
import { createUser, fromSeed } from '@nats-io/nkeys';
import type { ConnectionOptions } from '@nats-io/transport-node';
import { nkeyAuthenticator } from '@nats-io/transport-node';
import { assertBusService } from '@hub/contracts';
import { serviceInboxPrefix } from './bus-permissions';

/** Where a service finds its NATS credential and the CA it trusts; all optional. */
export interface NatsIdentitySource {
  service: string;
  namespace: string;
  /** `NATS_NKEY_SEED`: the user's nkey seed (`SU...`). */
  nkeySeed?: string;
  /** `NATS_NKEY_SEED_FILE`: a file holding the seed (a mounted Secret). */
  nkeySeedFile?: string;
  /** `NATS_TLS_CA_FILE`: the CA that signed the server's certificate. */
  tlsCaFile?: string;
}

/** The connection options that make a client this service on the bus, and how to log it. */
export interface NatsIdentity {
  options: Pick<ConnectionOptions, 'authenticator' | 'inboxPrefix' | 'tls'>;
  /** `nkey UABC...` or `anonymous`: which user the service connects as. */
  user: string;
}

/**
 * The service's NATS identity: its nkey user when a seed is given (else anonymous, for a
 * server without authorization), its own reply inbox prefix, and TLS when a CA is given.
 */
export function natsIdentity(source: NatsIdentitySource): NatsIdentity {
  const seed = source.nkeySeed?.trim() || readSeedFile(source.nkeySeedFile);
  const options: NatsIdentity['options'] = {
    inboxPrefix: serviceInboxPrefix(source.namespace, assertBusService(source.service)),
  };
  let user = 'anonymous';
  if (seed) {
    const encoded = new TextEncoder().encode(seed);
    // Fails here, naming the problem, rather than as an authorization error at every connect.
    user = `nkey ${publicKeyOf(encoded)}`;
    options.authenticator = nkeyAuthenticator(encoded);
  }
  if (source.tlsCaFile) options.tls = { caFile: source.tlsCaFile };
  return { options, user };
}

/** A new nkey user: its seed (the secret) and public key (what the server's config lists). */
export interface NkeyPair {
  seed: string;
  publicKey: string;
}

export function createNkeyUser(): NkeyPair {
  const user = createUser();
  return { seed: new TextDecoder().decode(user.getSeed()), publicKey: user.getPublicKey() };
}

/** The public key of a seed, to write a server configuration for existing seeds. */
export function nkeyPublicKey(seed: string): string {
  return publicKeyOf(new TextEncoder().encode(seed.trim()));
}

function publicKeyOf(seed: Uint8Array): string {
  let publicKey: string;
  try {
    publicKey = fromSeed(seed).getPublicKey();
  } catch (error) {
    throw new Error('the NATS nkey seed is not a valid user seed (SU...)', { cause: error });
  }
  // An account or operator seed is a valid seed, but no user the server knows.
  if (!publicKey.startsWith('U')) throw new Error('the NATS nkey seed is not a user seed (SU...)');
  return publicKey;
}

function readSeedFile(file: string | undefined): string | undefined {
  return file ? readFileSync(file, 'utf8').trim() : undefined;
}
