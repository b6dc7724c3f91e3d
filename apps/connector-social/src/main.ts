import { ServiceEnv } from '@hub/config';
import { runService } from '@hub/service-kit';

// Boots with health, metrics and its NATS and PostgreSQL connections; the channel itself
// comes with its own issue.
void runService({
  service: 'connector-social',
  envSchema: ServiceEnv,
  entities: [],
  features: [],
});
