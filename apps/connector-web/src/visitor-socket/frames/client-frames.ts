import {
  IsAfterSeq,
  IsClientMessageId,
  IsEmailAddress,
  IsEntityId,
  IsMessageContentOrCaption,
  IsStorableText,
  MAX_CSAT_COMMENT_LENGTH,
  MAX_CSAT_RATING,
  TRANSCRIPT_LANGUAGES,
  VISITOR_RECEIPT_STATUSES,
  type TranscriptLanguage,
  type VisitorReceiptStatus,
} from '@hub/contracts';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

// The visitor's frames, validated like REST bodies (whitelist, no unknown fields). `type` and
// `ref` are taken off the frame before validation; each class is the rest of one frame.

/** The first frame of every socket. */
export class HelloFrame {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  /** The last `seq` the client holds of `conversationId`: the welcome brings what came after it. */
  @IsAfterSeq()
  lastSeq?: number;

  /**
   * The conversation `lastSeq` belongs to. Only compared with the visitor's own current
   * conversation: when that is another one, `lastSeq` does not apply and all of it is sent.
   */
  @IsOptional()
  @IsEntityId()
  conversationId?: string;
}

export class MessageSendFrame {
  @IsClientMessageId()
  clientMessageId!: string;

  /** May be "" when a file is attached. */
  @IsMessageContentOrCaption('fileId')
  content!: string;

  /** A file this visitor uploaded (`POST /api/v1/widget/uploads`), sent with the message. */
  @IsOptional()
  @IsEntityId()
  fileId?: string;

  /** The department the visitor chose, used when this message opens a conversation. */
  @IsOptional()
  @IsEntityId()
  departmentId?: string;
}

export class TypingFrame {
  @IsBoolean()
  isTyping!: boolean;
}

export const MAX_DRAFT_LENGTH = 2_000;

export class DraftFrame {
  @IsString()
  @MaxLength(MAX_DRAFT_LENGTH)
  text!: string;
}

/** The visitor rates their resolved conversation (CSAT). */
export class CsatSubmitFrame {
  @IsEntityId()
  conversationId!: string;

  @IsInt()
  @Min(1)
  @Max(MAX_CSAT_RATING)
  rating!: number;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_CSAT_COMMENT_LENGTH)
  @IsStorableText()
  comment?: string;
}

/** The visitor asks for their conversation's transcript by mail, in the widget's language. */
export class TranscriptRequestFrame {
  @IsEntityId()
  conversationId!: string;

  @IsEmailAddress()
  @MaxLength(254)
  email!: string;

  @IsIn(TRANSCRIPT_LANGUAGES)
  language!: TranscriptLanguage;
}

/**
 * The widget received (`delivered`) or showed (`read`) every agent message of its conversation
 * up to `seq`: a watermark, so a later receipt supersedes an earlier one.
 */
export class MessageReceiptFrame {
  @IsEntityId()
  conversationId!: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  seq!: number;

  @IsIn(VISITOR_RECEIPT_STATUSES)
  status!: VisitorReceiptStatus;
}

export class PingFrame {}

export const CLIENT_FRAME_TYPES = [
  'hello',
  'message.send',
  'typing',
  'draft',
  'csat.submit',
  'transcript.request',
  'invitation.accept',
  'invitation.dismiss',
  'message.receipt',
  'ping',
] as const;
export type ClientFrameType = (typeof CLIENT_FRAME_TYPES)[number];
