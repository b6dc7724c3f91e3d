import type { Provider } from '@nestjs/common';
import { SecretBox, secretsKeyOf } from '@hub/secret-box';
import { SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';

/** The gateway's SecretBox (SECRETS_KEY): inbox signing secrets and webhook secrets. */
export const GATEWAY_SECRET_BOX: Provider = {
  provide: SecretBox,
  useFactory: (env: GatewayEnv) => new SecretBox(secretsKeyOf(env)),
  inject: [SERVICE_ENV],
};
