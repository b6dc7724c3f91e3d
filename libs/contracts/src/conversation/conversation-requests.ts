import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import {
  CONTENT_TYPES,
  CONVERSATION_STATUSES,
  type ContentType,
  type ConversationStatus,
} from '@hub/domain';
import { Actor } from '../common/actor';
import {
  IsAfterSeq,
  IsClientId,
  IsEntityId,
  IsExternalId,
  IsMessageContent,
  IsPageSize,
} from '../common/validators';

export const CONVERSATION_LIST_VIEWS = ['mine', 'unassigned', 'all'] as const;
export type ConversationListView = (typeof CONVERSATION_LIST_VIEWS)[number];

/** `conversation.conversation.list` → ConversationView[] (newest activity first). */
export class ListConversationsRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsIn(CONVERSATION_LIST_VIEWS) view!: ConversationListView;
  @IsOptional() @IsIn(CONVERSATION_STATUSES) status?: ConversationStatus;
  @IsOptional() @IsEntityId() departmentId?: string;
  @IsPageSize(100) limit?: number;
}

/** `conversation.conversation.get` → ConversationView. */
export class GetConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
}

/** `conversation.message.list` → MessageView[] with seq > afterSeq, in order. */
export class ListMessagesRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsAfterSeq() afterSeq?: number;
  @IsPageSize(500) limit?: number;
}

/** `conversation.message.send` → MessageView: an agent's reply, stored once per clientMessageId. */
export class SendAgentMessageRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsClientId() clientMessageId!: string;
  @IsMessageContent() content!: string;
  @IsOptional() @IsIn(CONTENT_TYPES) contentType?: ContentType;
}

/**
 * `conversation.conversation.assign` → ConversationView (routing only). Refused with
 * CONVERSATION_ASSIGNEE_CHANGED when the current assignee is not `expectedAssigneeId`.
 */
export class AssignConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsEntityId() agentId!: string;
  @ValidateIf((_, value) => value !== null) @IsEntityId() expectedAssigneeId!: string | null;
}

/** `conversation.conversation.unassign` → ConversationView: back to a queue (routing only). */
export class UnassignConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsEntityId() expectedAssigneeId!: string;
  /** The department whose queue it joins; omitted keeps the current one. */
  @IsOptional() @IsEntityId() departmentId?: string;
}

/** `conversation.conversation.resolve` / `conversation.conversation.reopen` → ConversationView. */
export class ChangeConversationStatusRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
}

/**
 * `conversation.visitor.history` → VisitorHistoryReply:
 * the visitor's current (or last) conversation in a web inbox and its messages after `afterSeq`.
 */
export class VisitorHistoryRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  @IsExternalId() visitorId!: string;
  @IsAfterSeq() afterSeq?: number;
}

/** `conversation.inbox.get` → InboxView or INBOX_NOT_FOUND. */
export class GetInboxRequest {
  @IsEntityId() inboxId!: string;
}

/** `conversation.canned-response.list` → CannedResponseView[] (department ones and shared ones). */
export class ListCannedResponsesRequest {
  @IsEntityId() workspaceId!: string;
  @IsOptional() @IsEntityId() departmentId?: string;
}
