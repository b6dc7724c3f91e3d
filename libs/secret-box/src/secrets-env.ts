import { ServiceEnv } from '@hub/config';
import { IsString, MinLength, ValidateIf } from 'class-validator';

/**
 * A fixed key for development and tests only: production must set its own (validated below), or
 * anyone with this source could read the stored credentials.
 */
export const DEVELOPMENT_SECRETS_KEY = 'development-only-secrets-key-not-for-production';

// TypeScript accepts a class as a mixin's base only with a constructor of `...args: any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EnvClass = abstract new (...args: any[]) => ServiceEnv;

/**
 * Adds SECRETS_KEY to a service's env class, whatever it already extends (StorageEnv for the
 * edges that take files, ServiceEnv otherwise).
 */
export function withSecretsKey<Base extends EnvClass>(base: Base) {
  abstract class WithSecretsKey extends base {
    /**
     * Key for the inbox credentials kept encrypted (at least 32 characters). Every service that
     * reads or writes them needs the same one. Required in production.
     */
    @ValidateIf(
      (env: WithSecretsKey) => env.NODE_ENV === 'production' || env.SECRETS_KEY !== undefined,
    )
    @IsString()
    @MinLength(32, {
      message: 'SECRETS_KEY must be at least 32 characters (required in production)',
    })
    SECRETS_KEY?: string;
  }
  return WithSecretsKey;
}

/** The variable of the services that seal or open inbox credentials (see SecretBox). */
export class SecretsEnv extends withSecretsKey(ServiceEnv) {}

export function secretsKeyOf(env: { SECRETS_KEY?: string }): string {
  return env.SECRETS_KEY ?? DEVELOPMENT_SECRETS_KEY;
}
