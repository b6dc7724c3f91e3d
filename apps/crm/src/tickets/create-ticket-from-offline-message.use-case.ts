import { Injectable, Logger } from '@nestjs/common';
import {
  SUBJECTS,
  type CreateTicketFromOfflineMessageReply,
  type CreateTicketFromOfflineMessageRequest,
  type TicketCreated,
} from '@hub/contracts';
import { TicketStatus } from '@hub/domain';
import { Outbox, type PendingEvent } from '@hub/outbox';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { CustomersService } from '../customers/customers.service';
import { recordUnverifiedContact } from '../customers/unverified-contact';
import { Ticket } from './ticket.entity';
import { ticketSubjectOf } from './ticket-subject';
import { TicketRecorder } from './ticket-writer';
import { TicketsRepository } from './tickets.repository';

/**
 * A visitor left a message while nobody was online: a `new` ticket on the visitor's customer
 * (made on first contact), with the name and email they typed kept as unverified contact data.
 * Its events (`evt.crm.ticket.changed.v1`, and `evt.crm.ticket.created.v1` for those who read
 * the older fact) go through the outbox with it. A resend with the same clientMessageId answers
 * the first ticket and writes nothing. The email conversation connector-web opened for the
 * message (docs/widget.md, leave a message) is linked to the new ticket.
 */
@Injectable()
export class CreateTicketFromOfflineMessage {
  private readonly logger = new Logger(CreateTicketFromOfflineMessage.name);

  constructor(
    private readonly database: Database,
    private readonly customers: CustomersService,
    private readonly tickets: TicketsRepository,
    private readonly recorder: TicketRecorder,
    private readonly outbox: Outbox,
  ) {}

  async execute(
    request: CreateTicketFromOfflineMessageRequest,
  ): Promise<CreateTicketFromOfflineMessageReply> {
    const { workspaceId, channel, externalId } = request;
    const { customerId } = await this.customers.resolve({ workspaceId, channel, externalId });
    const { ticket, events } = await this.database.dataSource.transaction((tx) =>
      this.create(tx, request, customerId),
    );
    await this.outbox.flush(events);
    const created = events.length > 0;
    if (created) this.logger.log({ ticketId: ticket.id, customerId }, 'offline message ticket');
    return { ticketId: ticket.id, customerId: ticket.customerId, created };
  }

  private async create(
    tx: EntityManager,
    request: CreateTicketFromOfflineMessageRequest,
    customerId: string,
  ): Promise<{ ticket: Ticket; events: PendingEvent[] }> {
    const { workspaceId, name, email } = request;
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(Ticket)
      .values({
        workspaceId,
        customerId,
        subject: ticketSubjectOf(request.message),
        description: request.message,
        status: TicketStatus.New,
        departmentId: request.departmentId ?? null,
        source: 'offline-message',
        clientMessageId: request.clientMessageId ?? null,
      })
      .orIgnore()
      .returning('id')
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) {
      const first = await tx.findOneByOrFail(Ticket, {
        workspaceId,
        clientMessageId: request.clientMessageId,
      });
      return { ticket: first, events: [] };
    }
    await recordUnverifiedContact(tx, { workspaceId, customerId }, { name, email });
    const ticket = await tx.findOneByOrFail(Ticket, { id });
    await this.linkEmailConversation(tx, ticket, request.conversationId);
    const [state] = await this.tickets.statesOf(tx, [ticket]);
    const changed = await this.recorder.record(tx, {
      before: null,
      after: state,
      action: 'created',
      actor: { type: 'system', id: null },
    });
    const createdFact: TicketCreated = {
      ticketId: id,
      workspaceId,
      customerId,
      subject: ticket.subject,
      departmentId: ticket.departmentId,
      source: 'offline-message',
      createdAt: ticket.createdAt.toISOString(),
    };
    const created = await this.outbox.add(tx, [
      {
        workspaceId,
        eventId: `ticket-created:${id}`,
        event: SUBJECTS.crm.ticketCreated,
        payload: createdFact,
      },
    ]);
    return { ticket, events: [...changed, ...created] };
  }

  /** The mail thread the ticket is answered in, unless it already belongs to another ticket. */
  private async linkEmailConversation(
    tx: EntityManager,
    ticket: Ticket,
    conversationId: string | undefined,
  ): Promise<void> {
    if (!conversationId) return;
    const linkedTo = await this.tickets.ticketOfConversation(
      tx,
      ticket.workspaceId,
      conversationId,
    );
    if (linkedTo === null) await this.recorder.link(tx, ticket, [conversationId]);
  }
}
