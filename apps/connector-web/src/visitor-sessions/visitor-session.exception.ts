import { DomainException } from '@hub/service-kit';

/** The visitor-session feature's failure codes. */
export const VisitorSessionError = {
  inboxNotFound: (inboxId: string) =>
    new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} does not exist or is not a web inbox`),
  invalidToken: () =>
    new DomainException('INVALID_VISITOR_TOKEN', 'The visitor token is unknown or invalid'),
  databaseUnavailable: () =>
    new DomainException('DATABASE_UNAVAILABLE', 'Visitor sessions are unavailable; try again'),
} as const;
