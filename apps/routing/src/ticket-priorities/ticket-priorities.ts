import { Injectable, Logger } from '@nestjs/common';
import type { TicketChanged } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { ticketQueuePriority } from '../acd/queue-priority';
import { RoutingTransactions } from '../acd/routing-transactions';
import { TicketPrioritiesRepository } from './ticket-priorities.repository';

/**
 * Keeps routing's view of crm's tickets: a conversation linked to an open urgent ticket (or one
 * of a VIP requester) waits first, one linked to a low ticket last. Recorded outside the lock;
 * only when a linked conversation is routed does its queue get reordered, under the lock.
 */
@Injectable()
export class TicketPriorities {
  private readonly logger = new Logger(TicketPriorities.name);
  private readonly tickets: TicketPrioritiesRepository;

  constructor(
    database: Database,
    private readonly routing: RoutingTransactions,
  ) {
    this.tickets = new TicketPrioritiesRepository(database.dataSource.manager);
  }

  async changed(event: TicketChanged): Promise<void> {
    const { ticket, workspaceId } = event;
    const affected = await this.tickets.record({
      ticketId: ticket.id,
      workspaceId,
      version: ticket.version,
      priority: ticketQueuePriority(ticket),
      conversationIds: ticket.conversationIds,
    });
    if (affected.length === 0 || !(await this.tickets.anyRouted(workspaceId, affected))) return;
    await this.routing.run(workspaceId, async (data, effects) => {
      if (await data.ticketPriorities.reprioritize(workspaceId, affected)) {
        effects.queueTouched = true;
        this.logger.log({ ticketId: ticket.id, workspaceId }, 'queue reordered by a ticket');
      }
    });
  }
}
