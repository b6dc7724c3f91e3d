import type {
  ConversationUpdatedRealtime,
  InvitationRealtime,
  MessageCreatedRealtime,
  MessageFailedRealtime,
  QueuePositionRealtime,
  TypingRealtime,
} from '@hub/contracts';

/** The realtime events a visitor's sockets act on (from rt.visitor.<id> and rt.conversation.<id>). */
export type VisitorEvent =
  | MessageCreatedRealtime
  | MessageFailedRealtime
  | ConversationUpdatedRealtime
  | TypingRealtime
  | QueuePositionRealtime
  | InvitationRealtime;
