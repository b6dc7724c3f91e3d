import { IsInt, IsISO8601, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';
import { ConversationEventBase } from './conversation-event';
import { MAX_CSAT_COMMENT_LENGTH, MAX_CSAT_RATING } from './submit-csat';

/**
 * `evt.conversation.conversation.rated.v1`: the customer rated the conversation (CSAT). A
 * later rating of the same conversation replaces this one and is a new event.
 */
export class ConversationRated extends ConversationEventBase {
  @IsInt() @Min(1) @Max(MAX_CSAT_RATING) rating!: number;
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(MAX_CSAT_COMMENT_LENGTH)
  comment!: string | null;
  /** The agent it was assigned to when resolved (whose KPI it is), if any. */
  @ValidateIf((_, v) => v !== null) @IsEntityId() assigneeId!: string | null;
  @IsISO8601() submittedAt!: string;
}
