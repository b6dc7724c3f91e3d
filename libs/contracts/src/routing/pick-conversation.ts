import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';

/** `routing.queue.pick` → ConversationView: an agent takes a waiting conversation by hand. */
export class PickConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
}
