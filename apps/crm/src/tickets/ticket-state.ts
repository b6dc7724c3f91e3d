import type { TicketSnapshot, TicketView } from '@hub/contracts';
import type { AuditChange } from '../audit/audit-entry.entity';
import type { Ticket } from './ticket.entity';

/** A ticket with what lives beside its row: its linked conversations and its requester's VIP flag. */
export interface TicketState {
  ticket: Ticket;
  conversationIds: string[];
  vip: boolean;
}

// The fields a write can change, in the order the history lists them.
const TRACKED_FIELDS = [
  'customerId',
  'subject',
  'description',
  'status',
  'priority',
  'categoryId',
  'tags',
  'assigneeId',
  'departmentId',
  'dueAt',
  'conversationIds',
] as const;
type TrackedField = (typeof TRACKED_FIELDS)[number];

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

// The JSON value of each tracked field (times as ISO strings, as events and history carry them).
function valuesOf({ ticket, conversationIds }: TicketState): Record<TrackedField, unknown> {
  return {
    customerId: ticket.customerId,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    categoryId: ticket.categoryId,
    tags: ticket.tags,
    assigneeId: ticket.assigneeId,
    departmentId: ticket.departmentId,
    dueAt: iso(ticket.dueAt),
    conversationIds,
  };
}

/** The fields that differ, old and new; against nothing (a creation) every field set. */
export function changesBetween(before: TicketState | null, after: TicketState): AuditChange[] {
  const to = valuesOf(after);
  const from = before ? valuesOf(before) : null;
  return TRACKED_FIELDS.flatMap((field) => {
    const previous = from ? from[field] : null;
    if (JSON.stringify(previous) === JSON.stringify(to[field])) return [];
    if (!from && (to[field] === null || (Array.isArray(to[field]) && to[field].length === 0))) {
      return [];
    }
    return [{ field, from: previous, to: to[field] }];
  });
}

export function snapshotOf({ ticket, conversationIds, vip }: TicketState): TicketSnapshot {
  return {
    id: ticket.id,
    customerId: ticket.customerId,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    categoryId: ticket.categoryId,
    assigneeId: ticket.assigneeId,
    departmentId: ticket.departmentId,
    vip,
    conversationIds,
    dueAt: iso(ticket.dueAt),
    version: ticket.version,
    createdAt: ticket.createdAt.toISOString(),
  };
}

export function viewOf({ ticket, conversationIds, vip }: TicketState): TicketView {
  return {
    id: ticket.id,
    workspaceId: ticket.workspaceId,
    customerId: ticket.customerId,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    categoryId: ticket.categoryId,
    tags: ticket.tags,
    assigneeId: ticket.assigneeId,
    departmentId: ticket.departmentId,
    conversationIds,
    vip,
    dueAt: iso(ticket.dueAt),
    solvedAt: iso(ticket.solvedAt),
    source: ticket.source,
    version: ticket.version,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

/** A copy to change while the original stays as it was read. */
export function cloneState(state: TicketState): TicketState {
  return {
    ticket: { ...state.ticket, tags: [...state.ticket.tags] },
    conversationIds: [...state.conversationIds],
    vip: state.vip,
  };
}
