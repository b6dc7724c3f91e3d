import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';

/** `conversation.conversation.resolve` / `conversation.conversation.reopen` → ConversationView. */
export class ChangeConversationStatusRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
}
