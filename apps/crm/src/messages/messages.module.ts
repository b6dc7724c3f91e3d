import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { TicketsModule } from '../tickets/tickets.module';
import { MessageEventsHandler } from './message-events.handler';

/** crm's one reader of stored messages, for the reports and the tickets alike. */
@Module({
  imports: [ReportsModule, TicketsModule],
  providers: [MessageEventsHandler],
})
export class MessagesModule {}
