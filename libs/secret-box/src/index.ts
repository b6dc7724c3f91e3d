export { SecretBox } from './secret-box';
export { DEVELOPMENT_SECRETS_KEY, SecretsEnv, secretsKeyOf, withSecretsKey } from './secrets-env';
