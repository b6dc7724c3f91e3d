import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { CONVERSATION_STATUSES, type ConversationStatus } from '@hub/domain';
import { Actor } from '../common/actor';
import { IsEntityId, IsPageSize } from '../common/validators';

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
