import { ServiceEnv } from '@hub/config';
import { IsString, MinLength, ValidateIf } from 'class-validator';

/**
 * A fixed key for development and tests only: production must set its own (validated below), or
 * anyone with this source could read the stored credentials.
 */
export const DEVELOPMENT_SECRETS_KEY = 'development-only-secrets-key-not-for-production';

/**
 * The rule of SECRETS_KEY, for an env class that cannot extend SecretsEnv (it extends another
 * env): at least 32 characters, required in production.
 */
export function IsSecretsKey(): PropertyDecorator {
  return (target, propertyName) => {
    ValidateIf((env: SecretsEnv) => env.NODE_ENV === 'production' || env.SECRETS_KEY !== undefined)(
      target,
      propertyName,
    );
    IsString()(target, propertyName);
    MinLength(32, {
      message: 'SECRETS_KEY must be at least 32 characters (required in production)',
    })(target, propertyName);
  };
}

/** The variable of the services that seal or open inbox credentials (see SecretBox). */
export class SecretsEnv extends ServiceEnv {
  /**
   * Key for the inbox credentials kept encrypted (at least 32 characters). Every service that
   * reads or writes them needs the same one. Required in production.
   */
  @IsSecretsKey()
  SECRETS_KEY?: string;
}

export function secretsKeyOf(env: { SECRETS_KEY?: string }): string {
  return env.SECRETS_KEY ?? DEVELOPMENT_SECRETS_KEY;
}
