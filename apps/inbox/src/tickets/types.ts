// The gateway's ticket views (docs/tickets.md, /api/docs).

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Where a ticket may go from each status (TICKET_TRANSITIONS of libs/domain). */
export const NEXT_STATUSES: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const SLA_FILTERS = ['breached', 'at_risk'] as const;
export type SlaStanding = 'breached' | 'at_risk' | 'on_track' | 'paused';

export interface TicketView {
  id: string;
  customerId: string;
  subject: string;
  description: string | null;
  status: TicketStatus;
  priority: Priority;
  categoryId: string | null;
  tags: string[];
  assigneeId: string | null;
  departmentId: string | null;
  conversationIds: string[];
  vip: boolean;
  dueAt: string | null;
  solvedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** As the list answers it: with where it stands against its SLA (null: no clock open). */
export interface ListedTicket extends TicketView {
  sla: { standing: SlaStanding; dueAt: string | null } | null;
}

export interface TicketPage {
  items: ListedTicket[];
  nextCursor: string | null;
}

export interface TicketHistoryEntry {
  id: string;
  action: string;
  actorType: 'agent' | 'system' | 'integrator';
  actorId: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
  occurredAt: string;
}

export interface TicketCategoryView {
  id: string;
  name: string;
  parentId: string | null;
}

export interface TicketFilters {
  status?: TicketStatus;
  priority?: Priority;
  categoryId?: string;
  assigneeId?: string;
  sla?: (typeof SLA_FILTERS)[number];
}

/** The change a ticket form sends (PATCH with the version it was made on). */
export interface TicketChange {
  status?: TicketStatus;
  priority?: Priority;
  categoryId?: string | null;
  assigneeId?: string | null;
  dueAt?: string | null;
}
