import { ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';
import { ConversationEventBase } from './conversation-event';

/** `evt.conversation.conversation.resolved.v1`: finished; its agent's slot is free. */
export class ConversationResolved extends ConversationEventBase {
  @ValidateIf((_, v) => v !== null) @IsEntityId() assigneeId!: string | null;
}
