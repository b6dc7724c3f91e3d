import { Module } from '@nestjs/common';
import { TicketCategoriesController } from './ticket-categories.controller';
import { TicketCategoriesService } from './ticket-categories.service';
import { TicketRemindersController } from './ticket-reminders.controller';
import { TicketRemindersService } from './ticket-reminders.service';
import { TicketSla } from './ticket-sla';
import { TicketTargets } from './ticket-targets';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  controllers: [TicketsController, TicketRemindersController, TicketCategoriesController],
  providers: [
    TicketsService,
    TicketSla,
    TicketTargets,
    TicketRemindersService,
    TicketCategoriesService,
  ],
})
export class TicketsModule {}
