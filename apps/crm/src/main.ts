import { ServiceEnv } from '@hub/config';
import { runService } from '@hub/service-kit';
import { crmEntities } from './crm.entities';
import { CustomersModule } from './customers/customers.module';

void runService({
  service: 'crm',
  envSchema: ServiceEnv,
  entities: crmEntities,
  features: [CustomersModule],
});
