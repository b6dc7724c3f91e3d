import { ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';

/**
 * `conversation.conversation.assign` → ConversationView (routing only). Refused with
 * CONVERSATION_ASSIGNEE_CHANGED when the current assignee is not `expectedAssigneeId`.
 */
export class AssignConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsEntityId() agentId!: string;
  @ValidateIf((_, value) => value !== null) @IsEntityId() expectedAssigneeId!: string | null;
}
