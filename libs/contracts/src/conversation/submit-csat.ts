import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsStorableText, IsEntityId } from '../common/validators';

/** The highest CSAT rating (1 is the lowest). */
export const MAX_CSAT_RATING = 5;
/** The longest CSAT comment. */
export const MAX_CSAT_COMMENT_LENGTH = 2000;
/** How long after its resolution a conversation may be rated (and re-rated). */
export const CSAT_WINDOW_DAYS = 7;

/**
 * `conversation.csat.submit` → CsatView: a visitor rates their own resolved conversation
 * (connector-web, with the visitor taken from the bound session). Conversation checks that the
 * conversation is that visitor's, in that inbox, and resolved within {@link CSAT_WINDOW_DAYS};
 * else CSAT_NOT_ALLOWED. A new rating within the window replaces the previous one.
 */
export class SubmitCsatRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  @IsString() @MaxLength(200) @IsStorableText() visitorId!: string;
  @IsEntityId() conversationId!: string;
  @IsInt() @Min(1) @Max(MAX_CSAT_RATING) rating!: number;
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CSAT_COMMENT_LENGTH)
  @IsStorableText()
  comment?: string;
}
