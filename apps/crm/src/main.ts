import { runService } from '@hub/service-kit';
import { crmService } from './crm.definition';

void runService(crmService);
