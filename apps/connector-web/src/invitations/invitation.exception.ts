import { DomainException } from '@hub/service-kit';

/** The invitations feature's failure codes. */
export const InvitationError = {
  notFound: (invitationId: string) =>
    new DomainException('INVITATION_NOT_FOUND', `Invitation ${invitationId} is not open for you`),
  notOnline: (visitorId: string) =>
    new DomainException('VISITOR_NOT_ONLINE', `Visitor ${visitorId} is not on the site now`),
  alreadyChatting: (visitorId: string) =>
    new DomainException('VISITOR_ALREADY_CHATTING', `Visitor ${visitorId} is already chatting`),
} as const;
