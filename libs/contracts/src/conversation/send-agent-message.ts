import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { CONTENT_TYPES, type ContentType } from '@hub/domain';
import { Actor } from '../common/actor';
import { IsClientMessageId, IsEntityId, IsMessageContentOrCaption } from '../common/validators';

/** `conversation.message.send` → MessageView: an agent's reply, stored once per clientMessageId. */
export class SendAgentMessageRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsClientMessageId() clientMessageId!: string;
  /** May be "" when a file is attached. */
  @IsMessageContentOrCaption('attachmentFileId') content!: string;
  @IsOptional() @IsIn(CONTENT_TYPES) contentType?: ContentType;
  /** A file an agent of the workspace uploaded; contentType then follows its type. */
  @IsOptional() @IsEntityId() attachmentFileId?: string;
}
