import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EmailReplyAttachment } from '../email/email-reply-requested';
import { IsEntityId, IsExternalId, IsStorableText } from '../common/validators';
import { SOCIAL_CHANNELS, type SocialChannel } from './find-social-inbox';

/** A WhatsApp message template (approved in the WhatsApp Manager), sent by name. */
export class WhatsAppTemplate {
  @Matches(/^[a-z0-9_]{1,512}$/) name!: string;
  /** The template's language: `en_US`, `zh_CN`, `ja`... */
  @Matches(/^[a-z]{2,3}(_[A-Z]{2})?$/) languageCode!: string;
}

/**
 * `outbound.<channel>` (OUTBOUND stream) for messenger, instagram, whatsapp, telegram and line:
 * an agent's reply is stored and is to be sent through the platform's send API. Written to
 * conversation's outbox with the reply; connector-social sends it and reports
 * `evt.social.delivery.reported.v1`.
 */
export class SocialReplyRequested {
  /** `social.reply:<messageId>`. */
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  @IsIn(SOCIAL_CHANNELS) channel!: SocialChannel;
  @IsEntityId() conversationId!: string;
  @IsEntityId() messageId!: string;
  /** The customer's platform id: PSID, IGSID, WhatsApp number, Telegram chat id, LINE user id. */
  @IsExternalId() recipientId!: string;
  @IsString() @MaxLength(20_000) @IsStorableText() content!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => EmailReplyAttachment)
  attachment?: EmailReplyAttachment;

  /** WhatsApp only: the template sent instead of free text (outside the 24-hour window). */
  @IsOptional()
  @ValidateNested()
  @Type(() => WhatsAppTemplate)
  template?: WhatsAppTemplate;

  @IsISO8601({ strict: true }) requestedAt!: string;
}

export function socialReplyEventId(messageId: string): string {
  return `social.reply:${messageId}`;
}

/** Delivery states as platforms report them, in the order they only move forward. */
export const SOCIAL_DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type SocialDeliveryStatus = (typeof SOCIAL_DELIVERY_STATUSES)[number];

/**
 * A Messenger `delivery` or `read` webhook: every reply to this customer sent before `upTo`
 * was delivered (or read).
 */
export class SocialDeliveryWatermark {
  /** The customer's platform id (PSID), the conversation's sender. */
  @IsExternalId() recipientId!: string;
  @IsISO8601({ strict: true }) upTo!: string;
}

/**
 * `evt.social.delivery.reported.v1` (EVENTS): what became of a reply sent to a platform. From
 * the send itself (`messageId`, with the platform's id once accepted), from a status webhook
 * (WhatsApp `statuses`, Instagram `read`: only the platform's id), or from a Messenger
 * watermark (`watermark`: every earlier reply to the customer). conversation applies it
 * monotonically: a late `delivered` never undoes `read`, nothing undoes `failed`.
 */
export class SocialDeliveryReported {
  /** `social.delivery:<inboxId>:<message id>:<status>`. */
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  /** Our message, when the report comes from sending it. */
  @IsOptional() @IsEntityId() messageId?: string;
  /** The platform's id of the message (`wamid...`, `m_...`, Telegram message_id, LINE id). */
  @IsOptional() @IsExternalId() channelMessageId?: string;
  /** A Messenger watermark instead of one message. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialDeliveryWatermark)
  watermark?: SocialDeliveryWatermark;
  @IsIn(SOCIAL_DELIVERY_STATUSES) status!: SocialDeliveryStatus;
  /** Why it failed, in the platform's words. */
  @IsOptional() @IsString() @MaxLength(500) @IsStorableText() reason?: string;
  @IsISO8601({ strict: true }) occurredAt!: string;
}

export function socialDeliveryEventId(
  report: Pick<
    SocialDeliveryReported,
    'inboxId' | 'messageId' | 'channelMessageId' | 'watermark' | 'status'
  >,
): string {
  const { watermark } = report;
  const subject = watermark
    ? `${watermark.recipientId}@${watermark.upTo}`
    : (report.messageId ?? report.channelMessageId);
  return `social.delivery:${report.inboxId}:${subject}:${report.status}`;
}
