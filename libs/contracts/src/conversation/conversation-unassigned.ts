import { ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';
import { ConversationEventBase } from './conversation-event';

/** `evt.conversation.conversation.unassigned.v1`: back in a department's queue. */
export class ConversationUnassigned extends ConversationEventBase {
  @IsEntityId() previousAssigneeId!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() departmentId!: string | null;
}
