import { TicketStatus } from './enums';

// The ticket workflow: new → open → pending / on_hold → solved → closed.
//
//   new      created, nobody has looked at it yet
//   open     being worked on
//   pending  waiting on the customer (SLA clocks pause)
//   on_hold  waiting on someone else (a third party, another team)
//   solved   the agent finished; the customer may still come back within the reopen window
//   closed   archived for good
//
// Choices made here, and why:
// - Nothing goes back to `new`: once someone worked on a ticket, it is not unseen again.
// - Only a solved ticket can be closed, so every closed ticket has a resolution.
// - `closed` is terminal: a customer writing again gets a new ticket, which keeps the
//   resolution time and the reports of a closed ticket stable.
// - `solved → open` is the reopen, by an agent or by a new customer message.

const { New, Open, Pending, OnHold, Solved, Closed } = TicketStatus;

/** Every legal status change; anything missing here is refused. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: [Open, Pending, OnHold, Solved],
  open: [Pending, OnHold, Solved],
  pending: [Open, OnHold, Solved],
  on_hold: [Open, Pending, Solved],
  solved: [Open, Closed],
  closed: [],
};

/** The statuses a ticket can be created in (leave-a-message tickets start as `new`). */
export const INITIAL_TICKET_STATUSES: readonly TicketStatus[] = [New, Open];

export class IllegalTicketTransitionError extends Error {
  readonly code = 'TICKET_ILLEGAL_TRANSITION';

  constructor(
    readonly from: TicketStatus,
    readonly to: TicketStatus,
  ) {
    super(
      from === Closed
        ? 'a closed ticket never changes status'
        : `a ticket cannot go from "${from}" to "${to}"`,
    );
    this.name = 'IllegalTicketTransitionError';
  }
}

/** True when `from → to` is allowed; staying in the same status is not a transition. */
export function canChangeTicketStatus(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/** Throws IllegalTicketTransitionError unless `from → to` is allowed. */
export function assertTicketTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canChangeTicketStatus(from, to)) throw new IllegalTicketTransitionError(from, to);
}
