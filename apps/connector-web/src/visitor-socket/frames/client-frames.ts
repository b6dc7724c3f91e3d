import { IsAfterSeq, IsClientMessageId, IsEntityId, IsMessageContent } from '@hub/contracts';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

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

  @IsMessageContent()
  content!: string;

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

export class PingFrame {}

export const CLIENT_FRAME_TYPES = [
  'hello',
  'message.send',
  'typing',
  'draft',
  'ping',
  'invitation.accept',
  'invitation.dismiss',
] as const;
export type ClientFrameType = (typeof CLIENT_FRAME_TYPES)[number];
