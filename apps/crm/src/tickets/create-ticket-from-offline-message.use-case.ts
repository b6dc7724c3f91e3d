import { Injectable, Logger } from '@nestjs/common';
import type {
  CreateTicketFromOfflineMessageReply,
  CreateTicketFromOfflineMessageRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { CustomersService } from '../customers/customers.service';
import { recordUnverifiedContact } from '../customers/unverified-contact';
import { TicketEvents } from './ticket-events';
import { Ticket } from './ticket.entity';
import { ticketSubjectOf } from './ticket-subject';

/**
 * A visitor left a message while nobody was online: a ticket on the visitor's customer (made
 * on first contact), with the name and email they typed kept as unverified contact data.
 * A resend with the same clientMessageId answers the first ticket and publishes its fact again.
 */
@Injectable()
export class CreateTicketFromOfflineMessage {
  private readonly logger = new Logger(CreateTicketFromOfflineMessage.name);

  constructor(
    private readonly database: Database,
    private readonly customers: CustomersService,
    private readonly events: TicketEvents,
  ) {}

  async execute(
    request: CreateTicketFromOfflineMessageRequest,
  ): Promise<CreateTicketFromOfflineMessageReply> {
    const { workspaceId, channel, externalId, name, email } = request;
    const { customerId } = await this.customers.resolve({ workspaceId, channel, externalId });
    const { ticket, created } = await this.database.dataSource.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(Ticket)
        .values({
          workspaceId,
          customerId,
          subject: ticketSubjectOf(request.message),
          description: request.message,
          departmentId: request.departmentId ?? null,
          source: 'offline-message',
          clientMessageId: request.clientMessageId ?? null,
        })
        .orIgnore()
        .returning('id')
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (id) await recordUnverifiedContact(tx, { workspaceId, customerId }, { name, email });
      const row = id
        ? await tx.findOneByOrFail(Ticket, { id })
        : await tx.findOneByOrFail(Ticket, {
            workspaceId,
            clientMessageId: request.clientMessageId,
          });
      return { ticket: row, created: Boolean(id) };
    });
    if (created) this.logger.log({ ticketId: ticket.id, customerId }, 'offline message ticket');
    await this.events.created({
      ticketId: ticket.id,
      workspaceId,
      customerId: ticket.customerId,
      subject: ticket.subject,
      departmentId: ticket.departmentId,
      source: 'offline-message',
      createdAt: ticket.createdAt.toISOString(),
    });
    return { ticketId: ticket.id, customerId: ticket.customerId, created };
  }
}
