import { IsEntityId } from '@hub/contracts';
import { IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';
import { SetPresenceBody } from '../agents/dto/presence.dto';
import {
  AssignBody,
  ConversationParams,
  SendMessageBody,
  TransferBody,
} from '../conversations/dto/conversation.dto';
import { PushLinkBody } from '../links/dto/push-link.dto';
import { InviteVisitorBody } from '../visitors/dto/invite-visitor.dto';
import { IsSeqMap } from './is-seq-map.validator';

// Client → server frames. Each is `{ type, ref?, ...payload }`; the payload is validated by the
// class below exactly as a REST body is (same rules, same classes: the command frames
// extend the REST DTOs and add the conversation id REST takes from the path).

export const MAX_RESUME_CONVERSATIONS = 100;

export class AuthFrame {
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  token!: string;
}

export class ResumeFrame {
  /** conversationId → the last seq the client has (0: from the start). */
  @IsSeqMap(MAX_RESUME_CONVERSATIONS)
  conversations!: Record<string, number>;
}

export class SendMessageFrame extends SendMessageBody {
  @IsEntityId()
  conversationId!: string;
}

export class PushLinkFrame extends PushLinkBody {
  @IsEntityId()
  conversationId!: string;
}

export class TypingFrame {
  @IsEntityId()
  conversationId!: string;

  @IsBoolean()
  isTyping!: boolean;
}

export class PresenceFrame extends SetPresenceBody {}

export class AssignFrame extends AssignBody {
  @IsEntityId()
  conversationId!: string;
}

export class TransferFrame extends TransferBody {
  @IsEntityId()
  conversationId!: string;
}

export class ConversationFrame extends ConversationParams {}

export class InviteVisitorFrame extends InviteVisitorBody {
  @IsEntityId()
  visitorId!: string;
}

export const CLIENT_FRAME_TYPES = [
  'auth',
  'resume',
  'message.send',
  'link.push',
  'typing',
  'presence.set',
  'conversation.assign',
  'conversation.transfer',
  'conversation.resolve',
  'conversation.reopen',
  'visitor.invite',
  'conversation.watch',
  'conversation.unwatch',
  'ping',
] as const;
export type ClientFrameType = (typeof CLIENT_FRAME_TYPES)[number];
