import { ServiceEnv } from '@hub/config';
import { runService } from '@hub/service-kit';
import { routingEntities } from './routing.entities';

void runService({
  service: 'routing',
  envSchema: ServiceEnv,
  entities: routingEntities,
  features: [],
});
