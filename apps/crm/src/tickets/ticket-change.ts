import type { UpdateTicketRequest } from '@hub/contracts';
import { assertTicketTransition, IllegalTicketTransitionError, TicketStatus } from '@hub/domain';
import { TicketError } from './ticket.exception';
import { changesBetween, cloneState, type TicketState } from './ticket-state';

/** The fields an agent may change (a subset of UpdateTicketRequest). */
export type TicketFieldsChange = Pick<
  UpdateTicketRequest,
  | 'subject'
  | 'status'
  | 'priority'
  | 'categoryId'
  | 'tags'
  | 'assigneeId'
  | 'departmentId'
  | 'dueAt'
>;

/**
 * The ticket after `change`, following the workflow: a forbidden status change throws
 * TICKET_ILLEGAL_TRANSITION, any change of a closed ticket TICKET_CLOSED. Solving stamps
 * `solvedAt` (the reopen window counts from it); reopening clears it.
 */
export function applyTicketChange(
  state: TicketState,
  change: TicketFieldsChange,
  now: Date,
): TicketState {
  const next = cloneState(state);
  const { ticket } = next;
  if (change.status !== undefined && change.status !== ticket.status) {
    changeStatus(next, change.status, now);
  }
  if (change.subject !== undefined) ticket.subject = change.subject;
  if (change.priority !== undefined) ticket.priority = change.priority;
  if (change.categoryId !== undefined) ticket.categoryId = change.categoryId;
  if (change.tags !== undefined) ticket.tags = [...change.tags];
  if (change.assigneeId !== undefined) ticket.assigneeId = change.assigneeId;
  if (change.departmentId !== undefined) ticket.departmentId = change.departmentId;
  if (change.dueAt !== undefined) {
    ticket.dueAt = change.dueAt === null ? null : new Date(change.dueAt);
  }
  if (state.ticket.status === TicketStatus.Closed && changesBetween(state, next).length > 0) {
    throw TicketError.closed(ticket.id);
  }
  return next;
}

/** Moves the ticket to `to`, or throws TICKET_ILLEGAL_TRANSITION (TICKET_CLOSED from closed). */
export function changeStatus(state: TicketState, to: TicketStatus, now: Date): void {
  const { ticket } = state;
  if (ticket.status === TicketStatus.Closed) throw TicketError.closed(ticket.id);
  try {
    assertTicketTransition(ticket.status, to);
  } catch (error) {
    if (error instanceof IllegalTicketTransitionError) {
      throw TicketError.illegalTransition(error.message);
    }
    throw error;
  }
  if (to === TicketStatus.Solved) ticket.solvedAt = now;
  else if (ticket.status === TicketStatus.Solved && to !== TicketStatus.Closed) {
    ticket.solvedAt = null;
  }
  ticket.status = to;
}
