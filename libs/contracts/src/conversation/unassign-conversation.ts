import { IsOptional } from 'class-validator';
import { IsEntityId } from '../common/validators';

/** `conversation.conversation.unassign` → ConversationView: back to a queue (routing only). */
export class UnassignConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsEntityId() expectedAssigneeId!: string;
  /** The department whose queue it joins; omitted keeps the current one. */
  @IsOptional() @IsEntityId() departmentId?: string;
}
