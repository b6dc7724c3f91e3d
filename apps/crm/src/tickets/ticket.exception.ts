import { DomainException } from '@hub/service-kit';

export const TicketError = {
  // Also for another workspace's ticket, so an id never reveals it exists elsewhere.
  notFound: (id: string) => new DomainException('TICKET_NOT_FOUND', `Ticket ${id} does not exist`),
  conflict: (id: string, read: number, current: number) =>
    new DomainException(
      'TICKET_CONFLICT',
      `Ticket ${id} changed meanwhile: you read version ${read}, it is at version ${current}; read it again`,
    ),
  illegalTransition: (message: string) => new DomainException('TICKET_ILLEGAL_TRANSITION', message),
  closed: (id: string) =>
    new DomainException('TICKET_CLOSED', `Ticket ${id} is closed: it no longer changes`),
  notYours: () =>
    new DomainException(
      'TICKET_NOT_ASSIGNED_TO_YOU',
      'This ticket is assigned to another agent; only supervisors and admins may change it',
    ),
  conversationLinked: (conversationId: string, ticketId: string) =>
    new DomainException(
      'TICKET_CONVERSATION_LINKED',
      `Conversation ${conversationId} is already linked to ticket ${ticketId}`,
    ),
  conversationNotLinked: (conversationId: string) =>
    new DomainException(
      'TICKET_CONVERSATION_NOT_LINKED',
      `Conversation ${conversationId} is not linked to this ticket`,
    ),
  categoryNotFound: (id: string) =>
    new DomainException('TICKET_CATEGORY_NOT_FOUND', `Ticket category ${id} does not exist`),
  reminderNotFound: (id: string) =>
    new DomainException('TICKET_REMINDER_NOT_FOUND', `Reminder ${id} does not exist`),
} as const;
