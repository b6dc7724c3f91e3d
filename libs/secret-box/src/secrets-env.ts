import { ServiceEnv } from '@hub/config';
import { IsString, MinLength, ValidateIf } from 'class-validator';

/**
 * A fixed key for development and tests only: production must set its own (validated below), or
 * anyone with this source could read the stored credentials.
 */
export const DEVELOPMENT_SECRETS_KEY = 'development-only-secrets-key-not-for-production';

/** The variable of the services that seal or open inbox credentials (see SecretBox). */
export class SecretsEnv extends ServiceEnv {
  /**
   * Key for the inbox credentials kept encrypted (at least 32 characters). Every service that
   * reads or writes them needs the same one. Required in production.
   */
  @ValidateIf((env: SecretsEnv) => env.NODE_ENV === 'production' || env.SECRETS_KEY !== undefined)
  @IsString()
  @MinLength(32, { message: 'SECRETS_KEY must be at least 32 characters (required in production)' })
  SECRETS_KEY?: string;
}

export function secretsKeyOf(env: SecretsEnv): string {
  return env.SECRETS_KEY ?? DEVELOPMENT_SECRETS_KEY;
}
