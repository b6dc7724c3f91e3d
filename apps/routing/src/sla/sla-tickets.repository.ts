import type { TicketSnapshot } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../sql';
import { SlaTicket } from './sla-ticket.entity';

/** What routing knows of tickets, for SLA clocks. */
export class SlaTicketsRepository {
  constructor(private readonly db: EntityManager) {}

  /** The ticket as last seen, locked until the caller's transaction ends. */
  find(workspaceId: string, ticketId: string): Promise<SlaTicket | null> {
    return this.db.findOne(SlaTicket, {
      where: { workspaceId, ticketId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async save(workspaceId: string, ticket: TicketSnapshot): Promise<void> {
    await this.db.save(SlaTicket, {
      ticketId: ticket.id,
      workspaceId,
      version: ticket.version,
      status: ticket.status,
      priority: ticket.priority,
      categoryId: ticket.categoryId,
      vip: ticket.vip,
      customerId: ticket.customerId,
      assigneeId: ticket.assigneeId,
      departmentId: ticket.departmentId,
      conversationIds: ticket.conversationIds,
    });
  }

  /** The newest ticket not closed that links the conversation, if any: its clocks count. */
  async linking(workspaceId: string, conversationId: string): Promise<SlaTicket | null> {
    const [row] = await queryRows<{ ticket_id: string }>(
      this.db,
      `select ticket_id from routing.sla_tickets
        where workspace_id = $1 and conversation_ids @> array[$2::uuid] and status <> 'closed'
        order by version desc limit 1`,
      [workspaceId, conversationId],
    );
    return row ? this.find(workspaceId, row.ticket_id) : null;
  }
}
