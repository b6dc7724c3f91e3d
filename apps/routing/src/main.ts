import { OutboxModule } from '@hub/outbox';
import { runService } from '@hub/service-kit';
import { AcdModule } from './acd/acd.module';
import { AgentsModule } from './agents/agents.module';
import { BusinessHoursModule } from './business-hours/business-hours.module';
import { DepartmentsModule } from './departments/departments.module';
import { LiveModule } from './live/live.module';
import { ManualAssignmentModule } from './manual-assignment/manual-assignment.module';
import { PresenceModule } from './presence/presence.module';
import { QueuesModule } from './queues/queues.module';
import { RoutingEnv } from './routing.env';
import { routingEntities } from './routing.entities';
import { SlaModule } from './sla/sla.module';
import { SweepModule } from './sweep/sweep.module';
import { TicketPrioritiesModule } from './ticket-priorities/ticket-priorities.module';

void runService({
  service: 'routing',
  envSchema: RoutingEnv,
  entities: routingEntities,
  // The workspace lock's transaction sends its first reads behind the lock (workspace-lock.ts),
  // and its statements are prepared (a parse and a plan fewer each in the serial section).
  database: { pipelined: true, prepared: true },
  features: [
    OutboxModule.forSchema('routing'),
    AcdModule,
    QueuesModule,
    ManualAssignmentModule,
    AgentsModule,
    DepartmentsModule,
    PresenceModule,
    SweepModule,
    BusinessHoursModule,
    SlaModule,
    TicketPrioritiesModule,
    LiveModule,
  ],
});
