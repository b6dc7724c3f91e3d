import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsEntityId, IsStorableText } from '../common/validators';

/**
 * `conversation.invitation.accept` → AcceptInvitationReply: a web visitor accepted an
 * invitation. Opens the visitor's conversation (or returns their active one unchanged) with the
 * invitation's message as its first message: from `agentId` and assigned to them, or (an
 * auto-invite, no agent) a bot message in a conversation left to routing's queue.
 * Idempotent on `invitationId`.
 */
export class AcceptInvitationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  @IsEntityId() invitationId!: string;
  @IsEntityId() visitorId!: string;
  @IsOptional() @IsEntityId() agentId?: string;
  @IsString() @IsNotEmpty() @MaxLength(1_000) @IsStorableText() message!: string;
}

export interface AcceptInvitationReply {
  conversationId: string;
}
