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

export type ReportFact =
  { table: 'conversation'; row: ConversationFactRow } | { table: 'sla'; row: SlaFactRow };

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
const messageCreated = (e: MessageCreated) =>
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

/** One event the projection reads: its durable, its contract and the fact it makes. */
export interface ReportedEvent<T extends object = object> {
  durable: string;
  event: EventContract<string, T>;
  /** None for an event that changes no KPI (a customer's message). */
  fact: (event: T) => ReportFact | undefined;
}

function reported<T extends object>(
  durable: string,
  event: EventContract<string, T>,
  fact: (event: T) => ReportFact | undefined,
): ReportedEvent {
  return { durable, event, fact } as unknown as ReportedEvent;
}

/** What the live consumers and the rebuild's replay both read. */
export const REPORTED_EVENTS: readonly ReportedEvent[] = [
  reported('crm_reports_opened', SUBJECTS.conversation.conversationOpened, opened),
  reported('crm_reports_assigned', SUBJECTS.conversation.conversationAssigned, assigned),
  reported('crm_reports_unassigned', SUBJECTS.conversation.conversationUnassigned, unassigned),
  reported('crm_reports_resolved', SUBJECTS.conversation.conversationResolved, resolved),
  reported('crm_reports_rated', SUBJECTS.conversation.conversationRated, rated),
  reported('crm_reports_messages', SUBJECTS.conversation.messageCreated, messageCreated),
  reported('crm_reports_sla_warned', SUBJECTS.routing.slaWarned, slaFact('warned')),
  reported('crm_reports_sla_breached', SUBJECTS.routing.slaBreached, slaFact('breached')),
  reported('crm_reports_sla_met', SUBJECTS.routing.slaMet, slaFact('met')),
];
