import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';

/**
 * `routing.conversation.transfer` → ConversationView: to another agent (`toAgentId`) or to a
 * department's queue (`toDepartmentId`); exactly one of them.
 */
export class TransferConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsOptional() @IsEntityId() toAgentId?: string;
  @IsOptional() @IsEntityId() toDepartmentId?: string;
}
