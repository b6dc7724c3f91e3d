import { randomUUID } from 'node:crypto';
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
import { Channel, ContentType, MessageDirection, SenderType, type TicketStatus } from '@hub/domain';

/** One event as it sits in the EVENTS stream. */
export interface StreamEvent {
  event: EventContract;
  payload: { eventId: string };
}

/**
 * Builds the events one workspace's conversations and SLA clocks publish, with the fields
 * reports read set from a few arguments and the rest filled in plausibly.
 */
export class ReportEvents {
  readonly events: StreamEvent[] = [];
  private seq = 0;

  constructor(readonly workspaceId: string) {}

  opened(conversationId: string, at: string, f: { channel: Channel; departmentId: string | null }) {
    const payload: ConversationOpened = {
      ...this.base(conversationId, at),
      inboxId: randomUUID(),
      channel: f.channel,
      customerId: randomUUID(),
      customerExternalId: `visitor-${conversationId}`,
      departmentId: f.departmentId,
      reopened: false,
    };
    return this.add(SUBJECTS.conversation.conversationOpened, payload);
  }

  assigned(conversationId: string, at: string, assigneeId: string) {
    const payload: ConversationAssigned = {
      ...this.base(conversationId, at),
      assigneeId,
      previousAssigneeId: null,
    };
    return this.add(SUBJECTS.conversation.conversationAssigned, payload);
  }

  unassigned(conversationId: string, at: string, f: { from: string; departmentId: string }) {
    const payload: ConversationUnassigned = {
      ...this.base(conversationId, at),
      previousAssigneeId: f.from,
      departmentId: f.departmentId,
    };
    return this.add(SUBJECTS.conversation.conversationUnassigned, payload);
  }

  message(conversationId: string, at: string, sender: { agentId: string } | 'customer') {
    const messageId = randomUUID();
    const byAgent = sender !== 'customer';
    const payload: MessageCreated = {
      eventId: `conversation.message.created:${messageId}`,
      workspaceId: this.workspaceId,
      conversationId,
      messageId,
      inboxId: randomUUID(),
      customerId: randomUUID(),
      channel: Channel.Web,
      customerExternalId: 'visitor',
      seq: (this.seq += 1),
      direction: byAgent ? MessageDirection.Outbound : MessageDirection.Inbound,
      senderType: byAgent ? SenderType.Agent : SenderType.Customer,
      ...(byAgent ? { senderId: sender.agentId, assigneeId: sender.agentId } : {}),
      content: 'hello',
      contentType: ContentType.Text,
      createdAt: at,
      conversationOpened: false,
    };
    return this.add(SUBJECTS.conversation.messageCreated, payload);
  }

  resolved(conversationId: string, at: string, assigneeId: string | null) {
    const payload: ConversationResolved = { ...this.base(conversationId, at), assigneeId };
    return this.add(SUBJECTS.conversation.conversationResolved, payload);
  }

  rated(conversationId: string, at: string, f: { rating: number; assigneeId: string | null }) {
    const payload: ConversationRated = {
      ...this.base(conversationId, at),
      rating: f.rating,
      comment: null,
      assigneeId: f.assigneeId,
      submittedAt: at,
    };
    return this.add(SUBJECTS.conversation.conversationRated, payload);
  }

  sla(
    outcome: 'warned' | 'breached' | 'met',
    clockId: string,
    at: string,
    f: { assigneeId: string | null; departmentId: string | null; channel: Channel | null },
  ) {
    const payload: SlaClockEvent = {
      eventId: randomUUID(),
      workspaceId: this.workspaceId,
      occurredAt: at,
      clockId,
      policyId: randomUUID(),
      metric: 'first_response',
      subjectType: f.channel === null ? 'ticket' : 'conversation',
      subjectId: randomUUID(),
      assigneeId: f.assigneeId,
      departmentId: f.departmentId,
      channel: f.channel,
      priority: 'normal',
      vip: false,
      dueAt: at,
    };
    const subject = {
      warned: SUBJECTS.routing.slaWarned,
      breached: SUBJECTS.routing.slaBreached,
      met: SUBJECTS.routing.slaMet,
    }[outcome];
    return this.add(subject, payload);
  }

  ticket(
    ticketId: string,
    at: string,
    f: { createdAt: string; status: TicketStatus; assigneeId: string | null; departmentId: string },
  ) {
    const payload: TicketChanged = {
      eventId: randomUUID(),
      workspaceId: this.workspaceId,
      occurredAt: at,
      created: at === f.createdAt,
      ticket: {
        id: ticketId,
        customerId: randomUUID(),
        subject: 'Where is my order?',
        status: f.status,
        priority: 'normal',
        categoryId: null,
        assigneeId: f.assigneeId,
        departmentId: f.departmentId,
        vip: false,
        conversationIds: [],
        dueAt: null,
        version: (this.seq += 1),
        createdAt: f.createdAt,
      },
      changes: [],
      actorType: 'agent',
      actorId: f.assigneeId,
    };
    return this.add(SUBJECTS.crm.ticketChanged, payload);
  }

  private base(conversationId: string, at: string) {
    return { eventId: randomUUID(), workspaceId: this.workspaceId, conversationId, occurredAt: at };
  }

  private add(event: EventContract, payload: { eventId: string }): this {
    this.events.push({ event, payload });
    return this;
  }
}
