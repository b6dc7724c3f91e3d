import type { Priority, TicketStatus } from '@hub/domain';

export interface TicketView {
  id: string;
  workspaceId: string;
  customerId: string;
  subject: string;
  /** The full text the ticket was opened with (a visitor's offline message), or null. */
  description: string | null;
  status: TicketStatus;
  priority: Priority;
  departmentId: string | null;
  source: string | null;
  createdAt: string;
}
