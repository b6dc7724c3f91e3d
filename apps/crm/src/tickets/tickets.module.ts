import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { CreateTicketFromOfflineMessage } from './create-ticket-from-offline-message.use-case';
import { TicketEvents } from './ticket-events';
import { TicketsHandler } from './tickets.handler';
import { TicketsRepository } from './tickets.repository';

@Module({
  imports: [CustomersModule],
  controllers: [TicketsHandler],
  providers: [CreateTicketFromOfflineMessage, TicketEvents, TicketsRepository],
})
export class TicketsModule {}
