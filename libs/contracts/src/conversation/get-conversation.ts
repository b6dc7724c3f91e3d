import { IsEntityId } from '../common/validators';

/** `conversation.conversation.get` → ConversationView. */
export class GetConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
}
