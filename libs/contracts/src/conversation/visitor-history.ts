import { IsAfterSeq, IsEntityId, IsExternalId } from '../common/validators';
import type { ConversationView } from '../views/conversation-view';
import type { MessageView } from '../views/message-view';

/**
 * `conversation.visitor.history` → VisitorHistoryReply:
 * the visitor's current (or last) conversation in a web inbox and its messages after `afterSeq`.
 */
export class VisitorHistoryRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  @IsExternalId() visitorId!: string;
  @IsAfterSeq() afterSeq?: number;
}

/** The reply of `conversation.visitor.history`. */
export interface VisitorHistoryReply {
  /** The visitor's current (or last) conversation in the inbox; null before their first message. */
  conversation: ConversationView | null;
  /** Its messages after the requested `afterSeq`, in order. */
  messages: MessageView[];
}
