import { runService } from '@hub/service-kit';
import { GatewayEnv } from './gateway.env';
import { gatewayEntities } from './gateway.entities';

void runService({
  service: 'gateway',
  envSchema: GatewayEnv,
  entities: gatewayEntities,
  features: [],
});
