import { Module } from '@nestjs/common';
import { BusinessHoursModule } from '../business-hours/business-hours.module';
import { ConversationSla } from './conversation-sla.use-case';
import { SlaClocksService } from './sla-clocks.service';
import { SlaEventsHandler } from './sla-events.handler';
import { SlaHandler } from './sla.handler';
import { SlaNotifier } from './sla-notices';
import { SlaPoliciesService } from './sla-policies.service';
import { SlaSweep } from './sla-sweep';
import { SlaTransactions } from './sla-transactions';
import { TicketSla } from './ticket-sla.use-case';

/** SLA policies, the clocks events drive, and the sweep that tells warnings and breaches. */
@Module({
  imports: [BusinessHoursModule],
  controllers: [SlaHandler],
  providers: [
    SlaNotifier,
    SlaTransactions,
    ConversationSla,
    TicketSla,
    SlaEventsHandler,
    SlaSweep,
    SlaPoliciesService,
    SlaClocksService,
  ],
  exports: [ConversationSla],
})
export class SlaModule {}
