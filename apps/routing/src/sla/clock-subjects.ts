import type { TicketSnapshot } from '@hub/contracts';
import { Priority, type Channel } from '@hub/domain';
import type { ClockBook, ClockSubject } from './clock-book';
import type { SlaTicket } from './sla-ticket.entity';

/** A ticket as its clocks see it. */
export function ticketSubject(ticket: TicketSnapshot | SlaTicket): ClockSubject {
  const isSnapshot = 'id' in ticket;
  return {
    subjectType: 'ticket',
    subjectId: isSnapshot ? ticket.id : ticket.ticketId,
    priority: ticket.priority,
    vip: ticket.vip,
    categoryId: ticket.categoryId,
    assigneeId: ticket.assigneeId,
    departmentId: ticket.departmentId,
    channel: null,
  };
}

/** What an event says of a conversation; anything left out is kept from its clocks. */
export interface ConversationFacts {
  conversationId: string;
  channel?: Channel;
  assigneeId?: string | null;
  departmentId?: string | null;
}

/**
 * A conversation not linked to a ticket as its clocks see it: normal priority, not VIP, no
 * category (policies are matched on tickets' facts), the rest from the event or its clocks.
 */
export async function conversationSubject(
  book: ClockBook,
  facts: ConversationFacts,
): Promise<ClockSubject> {
  const known = await book.latest(facts.conversationId);
  return {
    subjectType: 'conversation',
    subjectId: facts.conversationId,
    priority: Priority.Normal,
    vip: false,
    categoryId: null,
    assigneeId: facts.assigneeId !== undefined ? facts.assigneeId : (known?.assigneeId ?? null),
    departmentId:
      facts.departmentId !== undefined ? facts.departmentId : (known?.departmentId ?? null),
    channel: facts.channel ?? known?.channel ?? null,
  };
}
