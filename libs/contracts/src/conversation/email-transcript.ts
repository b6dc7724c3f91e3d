import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Actor } from '../common/actor';
import { IsEmailAddress, IsEntityId, IsStorableText } from '../common/validators';

/** The languages a transcript mail is written in: the widget's. */
export const TRANSCRIPT_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja'] as const;
export type TranscriptLanguage = (typeof TRANSCRIPT_LANGUAGES)[number];

/**
 * `conversation.transcript.email` → EmailTranscriptReply: a visitor asks for their
 * conversation's transcript by mail (connector-web, the visitor taken from the bound session).
 * Conversation checks that the conversation is that visitor's, in that inbox, and that the
 * workspace has an email inbox to send from (else TRANSCRIPT_NOT_ALLOWED / TRANSCRIPT_UNAVAILABLE);
 * it records the request as a system message whose delivery status follows the mail, and puts
 * the mail into its outbox (`outbound.email`) in the same transaction.
 */
export class EmailTranscriptRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  @IsString() @MaxLength(200) @IsStorableText() visitorId!: string;
  @IsEntityId() conversationId!: string;
  @IsEmailAddress() email!: string;
  @IsIn(TRANSCRIPT_LANGUAGES) language!: TranscriptLanguage;
}

/**
 * `conversation.transcript.email-by-agent` → EmailTranscriptReply: an agent mails a
 * conversation's transcript to the customer (gateway, the actor from the token). Allowed to
 * whoever may act on the conversation (its assignee, supervisors, admins); otherwise as
 * `EmailTranscriptRequest`.
 */
export class AgentEmailTranscriptRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsEmailAddress() email!: string;
  @IsIn(TRANSCRIPT_LANGUAGES) language!: TranscriptLanguage;
}

export interface EmailTranscriptReply {
  /** The system message recording the request; its deliveryStatus says what became of the mail. */
  messageId: string;
}
