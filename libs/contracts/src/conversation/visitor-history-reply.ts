import type { ConversationView } from '../views/conversation-view';
import type { MessageView } from '../views/message-view';

/** The reply of `conversation.visitor.history`. */
export interface VisitorHistoryReply {
  /** The visitor's current (or last) conversation in the inbox; null before their first message. */
  conversation: ConversationView | null;
  /** Its messages after the requested `afterSeq`, in order. */
  messages: MessageView[];
}
