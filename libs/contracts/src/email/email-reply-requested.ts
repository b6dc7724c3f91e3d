import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsEmailAddress, IsEntityId, IsStorableText } from '../common/validators';
import { MAX_THREAD_REFERENCES, MESSAGE_ID_PATTERN } from './inbound-email';

/** The file an agent attached to a reply, where its bytes are in the file storage. */
export class EmailReplyAttachment {
  @IsEntityId() fileId!: string;
  @IsString() @MaxLength(255) @IsStorableText() name!: string;
  @IsString() @MaxLength(100) mimeType!: string;
  @Matches(/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/) storageKey!: string;
}

/**
 * `outbound.email` (OUTBOUND stream): an agent's reply on an email conversation is stored and
 * is to be mailed. Written to conversation's outbox with the reply, so it is sent only once
 * stored and never lost; connector-email sends it and reports `evt.email.delivery.reported.v1`.
 */
export class EmailReplyRequested {
  /** `email.reply:<messageId>`: the same on every re-publication. */
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  @IsEntityId() conversationId!: string;
  /** The stored reply; its mail's Message-ID is `sentMessageId(messageId, fromAddress)`. */
  @IsEntityId() messageId!: string;

  /** The inbox's address (settings.email.address). */
  @IsEmailAddress() fromAddress!: string;
  /** Shown as the From name: the agent's name with the inbox's display name. */
  @IsString() @MaxLength(300) @IsStorableText() fromName!: string;
  /** The customer's address. */
  @IsEmailAddress() to!: string;
  @IsString() @MaxLength(998) @IsStorableText() subject!: string;
  /** The thread's Message-IDs, oldest first; the last is the one answered (In-Reply-To). */
  @IsArray()
  @ArrayMaxSize(MAX_THREAD_REFERENCES)
  @Matches(MESSAGE_ID_PATTERN, { each: true })
  references!: string[];
  /** The conversation's reply token, put in the Reply-To plus-address. */
  @Matches(/^[0-9a-f]{32}$/) replyToken!: string;
  @IsString() @MaxLength(20_000) @IsStorableText() content!: string;
  @IsOptional() @IsString() @MaxLength(2_000) @IsStorableText() signature?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => EmailReplyAttachment)
  attachment?: EmailReplyAttachment;

  @IsISO8601({ strict: true }) requestedAt!: string;
}

export function emailReplyEventId(messageId: string): string {
  return `email.reply:${messageId}`;
}

export const EMAIL_DELIVERY_OUTCOMES = ['sent', 'failed'] as const;
export type EmailDeliveryOutcome = (typeof EMAIL_DELIVERY_OUTCOMES)[number];

/**
 * `evt.email.delivery.reported.v1` (EVENTS): what became of a mailed reply: `sent` once the
 * relay accepted it, `failed` (with the reason) when the relay refused it for good, retries ran
 * out, or a bounce (DSN) came back for it. conversation shows it as the message's status.
 */
export class EmailDeliveryReported {
  /** `email.delivery:<messageId>:<outcome>`. */
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsEntityId() messageId!: string;
  @IsIn(EMAIL_DELIVERY_OUTCOMES) outcome!: EmailDeliveryOutcome;
  @IsOptional() @IsString() @MaxLength(500) @IsStorableText() reason?: string;
  @IsISO8601({ strict: true }) occurredAt!: string;
}

export function emailDeliveryEventId(messageId: string, outcome: EmailDeliveryOutcome): string {
  return `email.delivery:${messageId}:${outcome}`;
}
