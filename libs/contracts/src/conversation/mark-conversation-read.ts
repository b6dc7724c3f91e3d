import { IsEntityId, IsAfterSeq } from '../common/validators';

/**
 * `conversation.conversation.mark-read` → ConversationReadView: the agent has read the
 * conversation up to `seq` (its last message when absent). A read position never moves back.
 */
export class MarkConversationReadRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsEntityId() agentId!: string;
  @IsAfterSeq() seq?: number;
}

/** Where an agent has read a conversation to, and what is left: the customer's messages after. */
export interface ConversationReadView {
  conversationId: string;
  lastReadSeq: number;
  unreadCount: number;
}
