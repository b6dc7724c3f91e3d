import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsEntityId, IsStorableText } from '../common/validators';

export const MAX_INVITATION_MESSAGE_LENGTH = 1_000;

/**
 * `connector-web.invitation.send` → InvitationView: an agent invites a visitor on the site now
 * to chat. VISITOR_NOT_ONLINE or VISITOR_ALREADY_CHATTING when that cannot be.
 */
export class SendInvitationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() visitorId!: string;
  @IsEntityId() agentId!: string;
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_INVITATION_MESSAGE_LENGTH)
  @IsStorableText()
  message!: string;
}

export type InvitationStatus = 'sent' | 'accepted' | 'dismissed' | 'expired';

export interface InvitationView {
  id: string;
  visitorId: string;
  /** null for an auto-invite rule's invitation. */
  agentId: string | null;
  message: string;
  status: InvitationStatus;
  conversationId: string | null;
  createdAt: string;
}
