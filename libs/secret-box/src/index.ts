export { SecretBox } from './secret-box';
export { DEVELOPMENT_SECRETS_KEY, IsSecretsKey, SecretsEnv, secretsKeyOf } from './secrets-env';
