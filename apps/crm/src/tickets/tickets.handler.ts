import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateTicketFromOfflineMessageRequest,
  ListCustomerTicketsRequest,
  SUBJECTS,
  type CreateTicketFromOfflineMessageReply,
  type TicketView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CreateTicketFromOfflineMessage } from './create-ticket-from-offline-message.use-case';
import { TicketsRepository } from './tickets.repository';

@Controller()
export class TicketsHandler {
  constructor(
    private readonly createFromOfflineMessage: CreateTicketFromOfflineMessage,
    private readonly tickets: TicketsRepository,
  ) {}

  @RequestPattern(SUBJECTS.crm.createTicketFromOfflineMessage)
  createFromOffline(
    @Payload() request: CreateTicketFromOfflineMessageRequest,
  ): Promise<CreateTicketFromOfflineMessageReply> {
    return this.createFromOfflineMessage.execute(request);
  }

  @RequestPattern(SUBJECTS.crm.listCustomerTickets)
  list(@Payload() request: ListCustomerTicketsRequest): Promise<TicketView[]> {
    return this.tickets.listForCustomer(request);
  }
}
