import { Module } from '@nestjs/common';
import { TicketCategoriesModule } from '../categories/ticket-categories.module';
import { CustomersModule } from '../customers/customers.module';
import { CreateTicketFromOfflineMessage } from './create-ticket-from-offline-message.use-case';
import { CreateTicket } from './create-ticket.use-case';
import { LinkConversation } from './link-conversation.use-case';
import { ReminderSweep } from './reminders/reminder-sweep';
import { TicketRemindersHandler } from './reminders/ticket-reminders.handler';
import { TicketRemindersService } from './reminders/ticket-reminders.service';
import { ReopenOnCustomerMessage } from './reopen-on-customer-message.use-case';
import { SearchTickets } from './search-tickets.query';
import { TicketHistory } from './ticket-history.query';
import { TicketRecorder } from './ticket-writer';
import { TicketsHandler } from './tickets.handler';
import { TicketsRepository } from './tickets.repository';
import { UpdateTicket } from './update-ticket.use-case';

@Module({
  imports: [CustomersModule, TicketCategoriesModule],
  controllers: [TicketsHandler, TicketRemindersHandler],
  providers: [
    CreateTicketFromOfflineMessage,
    CreateTicket,
    UpdateTicket,
    LinkConversation,
    SearchTickets,
    TicketHistory,
    TicketRecorder,
    TicketsRepository,
    ReopenOnCustomerMessage,
    TicketRemindersService,
    ReminderSweep,
  ],
  exports: [ReopenOnCustomerMessage],
})
export class TicketsModule {}
