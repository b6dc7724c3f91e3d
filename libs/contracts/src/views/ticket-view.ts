import type { Priority, TicketStatus } from '@hub/domain';

export interface TicketView {
  id: string;
  workspaceId: string;
  /** The requester. */
  customerId: string;
  subject: string;
  /** The full text the ticket was opened with (a visitor's offline message), or null. */
  description: string | null;
  status: TicketStatus;
  priority: Priority;
  categoryId: string | null;
  tags: string[];
  assigneeId: string | null;
  departmentId: string | null;
  /** Conversations linked to the ticket, on any channel, oldest link first. */
  conversationIds: string[];
  /** The requester is a VIP customer. */
  vip: boolean;
  dueAt: string | null;
  solvedAt: string | null;
  source: string | null;
  /** Send it back with a change: a change made meanwhile makes the write a TICKET_CONFLICT. */
  version: number;
  createdAt: string;
  updatedAt: string;
}
