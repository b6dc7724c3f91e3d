import {
  SUBJECTS,
  type ConversationAssigned,
  type ConversationOpened,
  type ConversationRated,
  type ConversationResolved,
  type ConversationUnassigned,
  type EventContract,
  type MessageCreated,
  type SlaClockEvent,
  type TicketChanged,
} from '@hub/contracts';
import { SenderType } from '@hub/domain';
import type { ConversationFactKind } from './conversation-event-fact.entity';
import type { SlaOutcome } from './sla-event-fact.entity';

/** A row of `reporting.conversation_events`. */
export interface ConversationFactRow {
  eventId: string;
  workspaceId: string;
  conversationId: string;
  kind: ConversationFactKind;
  occurredAt: string;
  agentId: string | null;
  departmentId: string | null;
  channel: string | null;
  rating: number | null;
}

/** A row of `reporting.sla_events`. */
export interface SlaFactRow {
  eventId: string;
  workspaceId: string;
  clockId: string;
  outcome: SlaOutcome;
  metric: string;
  occurredAt: string;
  agentId: string | null;
  departmentId: string | null;
  channel: string | null;
}

/** A row of `reporting.ticket_events`. */
export interface TicketFactRow {
  eventId: string;
  workspaceId: string;
  ticketId: string;
  ticketCreatedAt: string;
  occurredAt: string;
  status: string;
  agentId: string | null;
  departmentId: string | null;
}

export type ReportFact =
  | { table: 'conversation'; row: ConversationFactRow }
  | { table: 'sla'; row: SlaFactRow }
  | { table: 'ticket'; row: TicketFactRow };

type Base = Pick<ConversationFactRow, 'eventId' | 'workspaceId' | 'conversationId'>;

function conversationFact(
  event: Base,
  fact: Omit<ConversationFactRow, keyof Base | 'agentId' | 'departmentId' | 'channel' | 'rating'> &
    Partial<ConversationFactRow>,
): ReportFact {
  return {
    table: 'conversation',
    row: {
      eventId: event.eventId,
      workspaceId: event.workspaceId,
      conversationId: event.conversationId,
      agentId: null,
      departmentId: null,
      channel: null,
      rating: null,
      ...fact,
    },
  };
}

const opened = (e: ConversationOpened) =>
  conversationFact(e, {
    kind: 'opened',
    occurredAt: e.occurredAt,
    departmentId: e.departmentId,
    channel: e.channel,
  });
const assigned = (e: ConversationAssigned) =>
  conversationFact(e, { kind: 'assigned', occurredAt: e.occurredAt, agentId: e.assigneeId });
const unassigned = (e: ConversationUnassigned) =>
  conversationFact(e, {
    kind: 'unassigned',
    occurredAt: e.occurredAt,
    departmentId: e.departmentId,
  });
const resolved = (e: ConversationResolved) =>
  conversationFact(e, { kind: 'resolved', occurredAt: e.occurredAt, agentId: e.assigneeId });
// The rating belongs to the moment the customer gave it (a later one replaces it).
const rated = (e: ConversationRated) =>
  conversationFact(e, {
    kind: 'rated',
    occurredAt: e.submittedAt,
    agentId: e.assigneeId,
    rating: e.rating,
  });
// Only an agent's message is a response; customers', bots' and system notices are not.
export const messageFact = (e: MessageCreated) =>
  e.senderType === SenderType.Agent
    ? conversationFact(e, {
        kind: 'agent_replied',
        occurredAt: e.createdAt,
        agentId: e.senderId ?? e.assigneeId ?? null,
        channel: e.channel,
      })
    : undefined;

function slaFact(outcome: SlaOutcome) {
  return (e: SlaClockEvent): ReportFact => ({
    table: 'sla',
    row: {
      eventId: e.eventId,
      workspaceId: e.workspaceId,
      clockId: e.clockId,
      outcome,
      metric: e.metric,
      occurredAt: e.occurredAt,
      agentId: e.assigneeId,
      departmentId: e.departmentId,
      channel: e.channel,
    },
  });
}

// Every write, creation included: the status after it is what a ticket KPI reads.
const ticketChanged = (e: TicketChanged): ReportFact => ({
  table: 'ticket',
  row: {
    eventId: e.eventId,
    workspaceId: e.workspaceId,
    ticketId: e.ticket.id,
    ticketCreatedAt: e.ticket.createdAt,
    occurredAt: e.occurredAt,
    status: e.ticket.status,
    agentId: e.ticket.assigneeId,
    departmentId: e.ticket.departmentId,
  },
});

/** One event the projection reads: its durable, its contract and the fact it makes. */
export interface ReportedEvent<T extends object = object> {
  /**
   * The projection's own durable for the event; none for messages, which crm reads once for
   * all its uses (messages/message-events.handler.ts feeds the projection their facts).
   */
  durable?: string;
  event: EventContract<string, T>;
  /** None for an event that changes no KPI (a customer's message). */
  fact: (event: T) => ReportFact | undefined;
}

// Typed per event here; the list holds them all as one type.
function reported<T extends object>(entry: ReportedEvent<T>): ReportedEvent {
  return entry as unknown as ReportedEvent;
}

/** What the live consumers and the rebuild's replay both read. */
export const REPORTED_EVENTS: readonly ReportedEvent[] = [
  reported({
    durable: 'crm_reports_opened',
    event: SUBJECTS.conversation.conversationOpened,
    fact: opened,
  }),
  reported({
    durable: 'crm_reports_assigned',
    event: SUBJECTS.conversation.conversationAssigned,
    fact: assigned,
  }),
  reported({
    durable: 'crm_reports_unassigned',
    event: SUBJECTS.conversation.conversationUnassigned,
    fact: unassigned,
  }),
  reported({
    durable: 'crm_reports_resolved',
    event: SUBJECTS.conversation.conversationResolved,
    fact: resolved,
  }),
  reported({
    durable: 'crm_reports_rated',
    event: SUBJECTS.conversation.conversationRated,
    fact: rated,
  }),
  reported({
    event: SUBJECTS.conversation.messageCreated,
    fact: messageFact,
  }),
  reported({
    durable: 'crm_reports_tickets',
    event: SUBJECTS.crm.ticketChanged,
    fact: ticketChanged,
  }),
  reported({
    durable: 'crm_reports_sla_warned',
    event: SUBJECTS.routing.slaWarned,
    fact: slaFact('warned'),
  }),
  reported({
    durable: 'crm_reports_sla_breached',
    event: SUBJECTS.routing.slaBreached,
    fact: slaFact('breached'),
  }),
  reported({
    durable: 'crm_reports_sla_met',
    event: SUBJECTS.routing.slaMet,
    fact: slaFact('met'),
  }),
];
