import { Injectable, Logger } from '@nestjs/common';
import type { CreateTicketRequest, TicketView } from '@hub/contracts';
import { TicketStatus } from '@hub/domain';
import { Outbox } from '@hub/outbox';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { TicketCategoriesService } from '../categories/ticket-categories.service';
import { CustomerError } from '../customers/customer.exception';
import { Customer } from '../customers/customer.entity';
import { isConversationLinkedRace } from './ticket-links';
import { TicketError } from './ticket.exception';
import { viewOf } from './ticket-state';
import { TicketRecorder } from './ticket-writer';
import { Ticket } from './ticket.entity';
import { TicketsRepository } from './tickets.repository';

/**
 * An agent opens a ticket for a customer, or turns a conversation into one (the conversation
 * is linked at once, unless it already belongs to a ticket).
 */
@Injectable()
export class CreateTicket {
  private readonly logger = new Logger(CreateTicket.name);

  constructor(
    private readonly database: Database,
    private readonly tickets: TicketsRepository,
    private readonly categories: TicketCategoriesService,
    private readonly recorder: TicketRecorder,
    private readonly outbox: Outbox,
  ) {}

  async execute(request: CreateTicketRequest): Promise<TicketView> {
    const { view, events } = await this.database.dataSource
      .transaction((tx) => this.create(tx, request))
      .catch((error: unknown) => {
        if (isConversationLinkedRace(error) && request.conversationId) {
          throw TicketError.conversationLinked(request.conversationId, 'another ticket');
        }
        throw error;
      });
    await this.outbox.flush(events);
    this.logger.log({ ticketId: view.id, customerId: view.customerId }, 'ticket created');
    return view;
  }

  private async create(tx: EntityManager, request: CreateTicketRequest) {
    const { workspaceId, customerId, conversationId, actor } = request;
    const customer = await tx.findOneBy(Customer, { workspaceId, id: customerId });
    if (!customer) throw CustomerError.notFound(customerId);
    if (request.categoryId) await this.categories.find(tx, workspaceId, request.categoryId);
    if (conversationId) {
      const linked = await this.tickets.ticketOfConversation(tx, workspaceId, conversationId);
      if (linked) throw TicketError.conversationLinked(conversationId, linked);
    }
    const ticket = tx.create(Ticket, {
      workspaceId,
      customerId,
      subject: request.subject,
      description: request.description ?? null,
      status: request.status ?? TicketStatus.New,
      priority: request.priority,
      categoryId: request.categoryId ?? null,
      tags: request.tags ?? [],
      assigneeId: request.assigneeId ?? null,
      departmentId: request.departmentId ?? null,
      dueAt: request.dueAt ? new Date(request.dueAt) : null,
    });
    await tx.insert(Ticket, ticket);
    const inserted = await tx.findOneByOrFail(Ticket, { id: ticket.id });
    if (conversationId) await this.recorder.link(tx, inserted, [conversationId]);
    const [after] = await this.tickets.statesOf(tx, [inserted]);
    const events = await this.recorder.record(tx, {
      before: null,
      after,
      action: 'created',
      actor: { type: 'agent', id: actor.agentId },
    });
    return { view: viewOf(after), events };
  }
}
