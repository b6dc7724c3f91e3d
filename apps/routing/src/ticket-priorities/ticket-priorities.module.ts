import { Module } from '@nestjs/common';
import { AcdModule } from '../acd/acd.module';
import { TicketEventsHandler } from './ticket-events.handler';
import { TicketPriorities } from './ticket-priorities';

/** Ticket priorities, as they rank the conversations linked to the tickets. */
@Module({
  imports: [AcdModule],
  providers: [TicketPriorities, TicketEventsHandler],
})
export class TicketPrioritiesModule {}
