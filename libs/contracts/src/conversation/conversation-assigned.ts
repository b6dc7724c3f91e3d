import { ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';
import { ConversationEventBase } from './conversation-event';

/** `evt.conversation.conversation.assigned.v1`: an agent owns it now (first time or transfer). */
export class ConversationAssigned extends ConversationEventBase {
  @IsEntityId() assigneeId!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() previousAssigneeId!: string | null;
}
