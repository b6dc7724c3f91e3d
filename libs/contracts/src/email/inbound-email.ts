import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsStorableText } from '../common/validators';

/** The most Message-IDs of a mail kept for threading (In-Reply-To and the newest References). */
export const MAX_THREAD_REFERENCES = 50;

/** A Message-ID without its angle brackets: printable ASCII, as RFC 5322 allows. */
export const MESSAGE_ID_PATTERN = /^[\x21-\x7e]{1,998}$/;

/**
 * What conversation needs to thread an inbound mail (`InboundMessageReceived.email`): the ids it
 * answers, the reply token of the address it was sent to, and its subject.
 */
export class InboundEmailThread {
  /** The mail's own Message-ID, without angle brackets (also the message's channel id). */
  @Matches(MESSAGE_ID_PATTERN)
  messageId!: string;

  /** In-Reply-To first, then References newest first, without angle brackets. */
  @IsArray()
  @ArrayMaxSize(MAX_THREAD_REFERENCES)
  @Matches(MESSAGE_ID_PATTERN, { each: true })
  references!: string[];

  /** The token after `+` in the inbox address the mail was sent to: a conversation's reply-to. */
  @IsOptional()
  @Matches(/^[0-9a-f]{32}$/)
  replyToken?: string;

  /** The subject without `Re:`/`Fwd:`/`回复:` prefixes, for the subject + sender fallback. */
  @IsString()
  @MaxLength(998)
  @IsStorableText()
  subject!: string;

  /**
   * Sent by a machine (Auto-Submitted, X-Autoreply, Precedence bulk/junk/list, an out-of-office
   * subject): stored like any mail, but nothing answers it automatically.
   */
  @IsBoolean()
  autoReply!: boolean;
}
