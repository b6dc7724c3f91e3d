import { ServiceEnv } from '@hub/config';
import { OutboxModule } from '@hub/outbox';
import type { ServiceDefinition } from '@hub/service-kit';
import { AuditModule } from './audit/audit.module';
import { crmEntities } from './crm.entities';
import { CustomersModule } from './customers/customers.module';
import { TicketCategoriesModule } from './categories/ticket-categories.module';
import { MergesModule } from './merges/merges.module';
import { MessagesModule } from './messages/messages.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ReportsModule } from './reports/reports.module';
import { NotesModule } from './notes/notes.module';
import { OrdersModule } from './orders/orders.module';
import { TicketsModule } from './tickets/tickets.module';
import { TimelineModule } from './timeline/timeline.module';

// Apart from main.ts so the integration tests start the very modules the service runs.
export const crmService: ServiceDefinition<ServiceEnv> = {
  service: 'crm',
  envSchema: ServiceEnv,
  entities: crmEntities,
  features: [
    OutboxModule.forSchema('crm'),
    AuditModule,
    CustomersModule,
    TicketCategoriesModule,
    TicketsModule,
    MergesModule,
    PrivacyModule,
    ReportsModule,
    MessagesModule,
    OrdersModule,
    NotesModule,
    TimelineModule,
  ],
};
