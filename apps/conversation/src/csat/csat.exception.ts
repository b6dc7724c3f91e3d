import { DomainException } from '@hub/service-kit';

/**
 * One code whatever the reason (not the visitor's, not resolved, too long ago, no such
 * conversation), so a visitor learns nothing about conversations that are not theirs.
 */
export const csatNotAllowed = (conversationId: string) =>
  new DomainException(
    'CSAT_NOT_ALLOWED',
    `Conversation ${conversationId} cannot be rated: only your own conversation, once it is resolved`,
  );
