import { DomainException } from '@hub/service-kit';

/** The conversation feature's failure codes. */
export const ConversationError = {
  notFound: (id: string) =>
    new DomainException('CONVERSATION_NOT_FOUND', `Conversation ${id} does not exist`),
  assigneeChanged: (id: string) =>
    new DomainException(
      'CONVERSATION_ASSIGNEE_CHANGED',
      `Conversation ${id} changed hands meanwhile`,
    ),
  illegalTransition: (message: string) =>
    new DomainException('CONVERSATION_ILLEGAL_TRANSITION', message),
  notYours: (id: string) =>
    new DomainException(
      'CONVERSATION_NOT_ASSIGNED_TO_YOU',
      `Conversation ${id} is not assigned to you`,
    ),
  actorUnknown: () =>
    new DomainException(
      'CONVERSATION_ACTOR_UNKNOWN',
      'The acting agent was removed or deactivated in this workspace',
    ),
} as const;
