import { Priority, TicketStatus } from '@hub/domain';

/**
 * A conversation's rank in its queue, before waiting time: lower goes first. A VIP customer's
 * conversation and one linked to an urgent ticket share the first rank; a conversation with no
 * ticket waits as `normal`.
 */
export const QueuePriority = { First: 0, High: 1, Normal: 2, Low: 3 } as const;

const BY_TICKET_PRIORITY: Record<Priority, number> = {
  [Priority.Urgent]: QueuePriority.First,
  [Priority.High]: QueuePriority.High,
  [Priority.Normal]: QueuePriority.Normal,
  [Priority.Low]: QueuePriority.Low,
};

// A solved or closed ticket no longer speeds up (or slows down) its conversations.
const DONE: readonly TicketStatus[] = [TicketStatus.Solved, TicketStatus.Closed];

/** The rank a ticket gives its linked conversations; null when it gives none (it is done). */
export function ticketQueuePriority(ticket: {
  status: TicketStatus;
  priority: Priority;
  vip: boolean;
}): number | null {
  if (DONE.includes(ticket.status)) return null;
  return ticket.vip ? QueuePriority.First : BY_TICKET_PRIORITY[ticket.priority];
}

/**
 * SQL for a route's priority: first for a VIP customer, else the best rank of its open tickets
 * in its workspace (routing.ticket_priorities), else normal. The arguments are SQL expressions.
 */
export function routePrioritySql(route: {
  vip: string;
  conversationId: string;
  workspaceId: string;
}): string {
  return `case when ${route.vip} then ${QueuePriority.First} else coalesce(
    (select min(t.priority) from routing.ticket_conversations tc
       join routing.ticket_priorities t on t.ticket_id = tc.ticket_id
      where tc.conversation_id = ${route.conversationId} and tc.workspace_id = ${route.workspaceId}),
    ${QueuePriority.Normal}) end`;
}
