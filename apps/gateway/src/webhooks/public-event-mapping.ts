import type {
  ConversationAssigned,
  ConversationOpened,
  ConversationResolved,
  CustomerChanged,
  MessageCreated,
  PublicEventType,
  TicketChanged,
  TicketSnapshot,
} from '@hub/contracts';

/**
 * One internal event as integrators see it: its public type and its `data` in every catalog
 * version of that type (keyed by version), so each subscription gets the version it chose.
 */
export interface PublicEvent {
  id: string;
  workspaceId: string;
  type: PublicEventType;
  occurredAt: string;
  data: Record<number, Record<string, unknown>>;
}

export function conversationCreated(event: ConversationOpened): PublicEvent | undefined {
  // A reopened conversation is not a new one (no catalog event for it yet).
  if (event.reopened) return undefined;
  return {
    id: event.eventId,
    workspaceId: event.workspaceId,
    type: 'conversation.created',
    occurredAt: event.occurredAt,
    data: {
      1: {
        conversationId: event.conversationId,
        inboxId: event.inboxId,
        channel: event.channel,
        customerId: event.customerId,
        departmentId: event.departmentId,
        createdAt: event.occurredAt,
      },
    },
  };
}

export function conversationAssigned(event: ConversationAssigned): PublicEvent {
  return {
    id: event.eventId,
    workspaceId: event.workspaceId,
    type: 'conversation.assigned',
    occurredAt: event.occurredAt,
    data: {
      1: {
        conversationId: event.conversationId,
        assigneeId: event.assigneeId,
        previousAssigneeId: event.previousAssigneeId,
        assignedAt: event.occurredAt,
      },
    },
  };
}

export function conversationResolved(event: ConversationResolved): PublicEvent {
  return {
    id: event.eventId,
    workspaceId: event.workspaceId,
    type: 'conversation.resolved',
    occurredAt: event.occurredAt,
    data: {
      1: {
        conversationId: event.conversationId,
        assigneeId: event.assigneeId,
        resolvedAt: event.occurredAt,
      },
    },
  };
}

export function messageCreated(event: MessageCreated): PublicEvent {
  return {
    id: event.eventId,
    workspaceId: event.workspaceId,
    type: 'message.created',
    occurredAt: event.createdAt,
    data: {
      1: {
        messageId: event.messageId,
        conversationId: event.conversationId,
        inboxId: event.inboxId,
        channel: event.channel,
        customerId: event.customerId,
        seq: event.seq,
        direction: event.direction,
        senderType: event.senderType,
        senderId: event.senderId ?? null,
        content: event.content,
        contentType: event.contentType,
        createdAt: event.createdAt,
      },
    },
  };
}

// Named one by one: a field crm adds to its snapshot must not change a published version.
const PUBLIC_TICKET_FIELDS = [
  'id',
  'customerId',
  'subject',
  'status',
  'priority',
  'categoryId',
  'assigneeId',
  'departmentId',
  'conversationIds',
  'dueAt',
  'version',
  'createdAt',
] as const satisfies readonly (keyof TicketSnapshot)[];

function publicTicket(ticket: TicketSnapshot): Record<string, unknown> {
  return Object.fromEntries(PUBLIC_TICKET_FIELDS.map((field) => [field, ticket[field]]));
}

export function ticketChanged(event: TicketChanged): PublicEvent {
  const ticket = publicTicket(event.ticket);
  const changes = event.changes.map(({ field, from, to }) => ({ field, from, to }));
  return {
    id: event.eventId,
    workspaceId: event.workspaceId,
    type: event.created ? 'ticket.created' : 'ticket.updated',
    occurredAt: event.occurredAt,
    data: {
      1: event.created
        ? { ticket, createdAt: event.occurredAt }
        : { ticket, changes, updatedAt: event.occurredAt },
    },
  };
}

export function customerUpdated(event: CustomerChanged): PublicEvent {
  return {
    id: event.eventId,
    workspaceId: event.workspaceId,
    type: 'customer.updated',
    occurredAt: event.occurredAt,
    data: {
      1: {
        customerId: event.customerId,
        action: event.action,
        vip: event.vip,
        changes: event.changes.map(({ field, from, to }) => ({ field, from, to })),
        actorType: event.actorType,
        updatedAt: event.occurredAt,
      },
    },
  };
}
