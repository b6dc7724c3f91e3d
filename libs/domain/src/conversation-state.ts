import { ConversationStatus } from './enums';

// The conversation lifecycle: open → assigned → pending → resolved → closed.
//
//   open      waiting in the queue, nobody owns it
//   assigned  an agent owns it
//   pending   the agent is waiting for the customer (it keeps its assignee)
//   resolved  the agent finished; the customer may still come back
//   closed    archived for good (after CSAT or an auto-close timeout)
//
// Choices made here, and why:
// - A new inbound message on a pending conversation returns it to `assigned`: pending is
//   only reachable from assigned, so the same agent still owns it and should see the reply.
// - A new inbound message on a resolved conversation reopens it as `open`, not `assigned`:
//   resolving ends the agent's ownership (they may be offline by now), so routing decides
//   again (and may well prefer the previous agent).
// - `closed` is terminal. A new inbound message for a closed conversation starts a NEW
//   conversation instead (see `inboundStartsNewConversation`); the transcript of the closed
//   one stays as it was, which keeps KPIs and CSAT of a closed conversation stable.
// - Only a resolved conversation can be closed, so every closed conversation has a
//   resolution time; any unfinished one can be resolved directly (e.g. spam in the queue).
// - `assign` is also legal on assigned and pending conversations: that is a transfer.

export const ConversationEvent = {
  /** An agent takes it (routing, a supervisor, or the agent picking it), or a transfer. */
  Assign: 'assign',
  /** The assignee gives it back to the queue (transfer to a department, went offline). */
  Unassign: 'unassign',
  /** The assignee waits for the customer's answer. */
  WaitForCustomer: 'wait_for_customer',
  /** A new message from the customer arrived. */
  Inbound: 'inbound',
  Resolve: 'resolve',
  /** An agent reopens a resolved conversation by hand. */
  Reopen: 'reopen',
  Close: 'close',
} as const;
export type ConversationEvent = (typeof ConversationEvent)[keyof typeof ConversationEvent];

type TransitionTable = {
  readonly [S in ConversationStatus]: Readonly<
    Partial<Record<ConversationEvent, ConversationStatus>>
  >;
};

const { Open, Assigned, Pending, Resolved, Closed } = ConversationStatus;

/** Every legal transition; anything missing here is illegal. */
export const CONVERSATION_TRANSITIONS: TransitionTable = {
  open: { assign: Assigned, inbound: Open, resolve: Resolved },
  assigned: {
    assign: Assigned,
    unassign: Open,
    wait_for_customer: Pending,
    inbound: Assigned,
    resolve: Resolved,
  },
  pending: { assign: Assigned, unassign: Open, inbound: Assigned, resolve: Resolved },
  resolved: { inbound: Open, reopen: Open, close: Closed },
  closed: {},
};

export class IllegalConversationTransitionError extends Error {
  readonly code = 'CONVERSATION_ILLEGAL_TRANSITION';

  constructor(
    readonly from: ConversationStatus,
    readonly event: ConversationEvent,
  ) {
    super(
      from === Closed && event === ConversationEvent.Inbound
        ? 'a closed conversation never reopens: an inbound message starts a new conversation'
        : `conversation event "${event}" is not allowed in status "${from}"`,
    );
    this.name = 'IllegalConversationTransitionError';
  }
}

export function canTransition(from: ConversationStatus, event: ConversationEvent): boolean {
  return CONVERSATION_TRANSITIONS[from][event] !== undefined;
}

/** The status after `event`; throws IllegalConversationTransitionError when it is not allowed. */
export function nextConversationStatus(
  from: ConversationStatus,
  event: ConversationEvent,
): ConversationStatus {
  const to = CONVERSATION_TRANSITIONS[from][event];
  if (to === undefined) throw new IllegalConversationTransitionError(from, event);
  return to;
}

/** True when an inbound message must open a new conversation rather than join this one. */
export function inboundStartsNewConversation(status: ConversationStatus): boolean {
  return !canTransition(status, ConversationEvent.Inbound);
}

/**
 * Statuses in which a conversation still counts as "the" conversation of its customer and
 * inbox; the database allows only one such row per (inbox, customer).
 */
export const ACTIVE_CONVERSATION_STATUSES: readonly ConversationStatus[] = [
  Open,
  Assigned,
  Pending,
];
