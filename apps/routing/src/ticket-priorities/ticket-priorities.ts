import { Injectable, Logger } from '@nestjs/common';
import type { TicketChanged } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { AssignmentApplier } from '../acd/assignment-applier';
import { ticketQueuePriority } from '../acd/queue-priority';
import { reprioritize } from './reprioritize';

/**
 * Keeps routing's view of crm's tickets: a conversation linked to an open urgent ticket (or one
 * of a VIP requester) waits first, one linked to a low ticket last.
 */
@Injectable()
export class TicketPriorities {
  private readonly logger = new Logger(TicketPriorities.name);

  constructor(
    private readonly database: Database,
    private readonly applier: AssignmentApplier,
  ) {}

  async changed({ ticket, workspaceId }: TicketChanged): Promise<void> {
    const effects = await reprioritize(this.database.dataSource, {
      ticketId: ticket.id,
      workspaceId,
      version: ticket.version,
      priority: ticketQueuePriority(ticket),
      conversationIds: ticket.conversationIds,
    });
    if (!effects) return;
    if (effects.queueTouched)
      this.logger.log({ ticketId: ticket.id, workspaceId }, 'queue reordered by a ticket');
    await this.applier.settle(effects);
  }
}
