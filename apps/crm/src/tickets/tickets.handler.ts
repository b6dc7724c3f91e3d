import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateTicketFromOfflineMessageRequest,
  CreateTicketRequest,
  GetTicketRequest,
  LinkTicketConversationRequest,
  ListCustomerTicketsRequest,
  SearchTicketsRequest,
  SUBJECTS,
  UpdateTicketRequest,
  type CreateTicketFromOfflineMessageReply,
  type TicketHistoryEntry,
  type TicketPage,
  type TicketView,
} from '@hub/contracts';
import { Database, RequestPattern } from '@hub/service-kit';
import { CreateTicketFromOfflineMessage } from './create-ticket-from-offline-message.use-case';
import { CreateTicket } from './create-ticket.use-case';
import { LinkConversation } from './link-conversation.use-case';
import { SearchTickets } from './search-tickets.query';
import { TicketHistory } from './ticket-history.query';
import { viewOf } from './ticket-state';
import { TicketsRepository } from './tickets.repository';
import { UpdateTicket } from './update-ticket.use-case';

@Controller()
export class TicketsHandler {
  constructor(
    private readonly database: Database,
    private readonly createFromOfflineMessage: CreateTicketFromOfflineMessage,
    private readonly createTicket: CreateTicket,
    private readonly updateTicket: UpdateTicket,
    private readonly linkConversation: LinkConversation,
    private readonly searchTickets: SearchTickets,
    private readonly ticketHistory: TicketHistory,
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

  @RequestPattern(SUBJECTS.crm.createTicket)
  create(@Payload() request: CreateTicketRequest): Promise<TicketView> {
    return this.createTicket.execute(request);
  }

  @RequestPattern(SUBJECTS.crm.getTicket)
  async get(@Payload() { workspaceId, ticketId }: GetTicketRequest): Promise<TicketView> {
    return viewOf(await this.tickets.get(this.database.dataSource.manager, workspaceId, ticketId));
  }

  @RequestPattern(SUBJECTS.crm.searchTickets)
  search(@Payload() request: SearchTicketsRequest): Promise<TicketPage> {
    return this.searchTickets.execute(request);
  }

  @RequestPattern(SUBJECTS.crm.updateTicket)
  update(@Payload() request: UpdateTicketRequest): Promise<TicketView> {
    return this.updateTicket.execute(request);
  }

  @RequestPattern(SUBJECTS.crm.linkTicketConversation)
  link(@Payload() request: LinkTicketConversationRequest): Promise<TicketView> {
    return this.linkConversation.link(request);
  }

  @RequestPattern(SUBJECTS.crm.unlinkTicketConversation)
  unlink(@Payload() request: LinkTicketConversationRequest): Promise<TicketView> {
    return this.linkConversation.unlink(request);
  }

  @RequestPattern(SUBJECTS.crm.ticketHistory)
  history(@Payload() request: GetTicketRequest): Promise<TicketHistoryEntry[]> {
    return this.ticketHistory.execute(request);
  }
}
