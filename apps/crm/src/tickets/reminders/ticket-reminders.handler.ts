import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CancelTicketReminderRequest,
  CreateTicketReminderRequest,
  GetTicketRequest,
  SUBJECTS,
  type TicketReminderView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { TicketRemindersService } from './ticket-reminders.service';

@Controller()
export class TicketRemindersHandler {
  constructor(private readonly reminders: TicketRemindersService) {}

  @RequestPattern(SUBJECTS.crm.createTicketReminder)
  create(@Payload() request: CreateTicketReminderRequest): Promise<TicketReminderView> {
    return this.reminders.create(request);
  }

  @RequestPattern(SUBJECTS.crm.listTicketReminders)
  list(@Payload() request: GetTicketRequest): Promise<TicketReminderView[]> {
    return this.reminders.list(request);
  }

  @RequestPattern(SUBJECTS.crm.cancelTicketReminder)
  cancel(@Payload() request: CancelTicketReminderRequest): Promise<TicketReminderView> {
    return this.reminders.cancel(request);
  }
}
