import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { ContentType } from '@hub/domain';
import { Actor } from '../common/actor';
import { IsClientMessageId, IsEntityId, IsMessageContentOrCaption } from '../common/validators';
import { WhatsAppTemplate } from '../social/social-reply-requested';

/** What an agent's message may be: text, or a link the visitor's widget opens (`content` = the URL). */
export const AGENT_CONTENT_TYPES = [ContentType.Text, ContentType.Link] as const;
export type AgentContentType = (typeof AGENT_CONTENT_TYPES)[number];

/**
 * `conversation.message.send` → MessageView: an agent's reply, stored once per clientMessageId.
 * A `link` is checked as an http(s) URL by the door that takes it (gateway).
 */
export class SendAgentMessageRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsClientMessageId() clientMessageId!: string;
  /** May be "" when a file is attached. */
  @IsMessageContentOrCaption('attachmentFileId') content!: string;
  @IsOptional() @IsIn(AGENT_CONTENT_TYPES) contentType?: AgentContentType;
  /** A file an agent of the workspace uploaded; contentType then follows its type. */
  @IsOptional() @IsEntityId() attachmentFileId?: string;
  /**
   * WhatsApp: the approved template sent instead of `content` (which is stored as the agent's
   * note of what it says); needed 24 hours after the customer's last message.
   */
  @IsOptional() @ValidateNested() @Type(() => WhatsAppTemplate) template?: WhatsAppTemplate;
}
