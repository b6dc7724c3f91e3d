import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CHANNELS,
  CONVERSATION_STATUSES,
  PRIORITIES,
  type Channel,
  type ConversationStatus,
  type Priority,
} from '@hub/domain';
import { Actor } from '../common/actor';
import { IsEntityId, IsPageCursor, IsPageSize, IsStorableText } from '../common/validators';
import type { ConversationListItem } from '../views/conversation-view';

export const CONVERSATION_LIST_VIEWS = ['mine', 'unassigned', 'all'] as const;
export type ConversationListView = (typeof CONVERSATION_LIST_VIEWS)[number];

/** The most customers (from crm's search) or SLA subjects one list request narrows to. */
export const MAX_LISTED_IDS = 1000;

/** The most conversations one page of the list holds. */
export const MAX_CONVERSATION_PAGE = 100;

/**
 * `conversation.conversation.list` → ConversationListPage (newest activity first), each item
 * with the actor's unread count and its tags. Every filter given must hold. A page at a time:
 * pass the previous page's `nextCursor` as `cursor`.
 */
export class ListConversationsRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsIn(CONVERSATION_LIST_VIEWS) view!: ConversationListView;
  @IsOptional() @IsIn(CONVERSATION_STATUSES) status?: ConversationStatus;
  @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @IsOptional() @IsEntityId() departmentId?: string;
  @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
  @IsOptional() @IsEntityId() tagId?: string;
  /** Only these conversations (the gateway's SLA filter: routing knows the clocks). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LISTED_IDS)
  @IsUUID('all', { each: true })
  ids?: string[];
  /**
   * Search: a substring of a message's text or of the customer's id on the channel, or a
   * conversation of `customerIds` (crm's matches on name, email and phone).
   */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) @IsStorableText() q?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LISTED_IDS)
  @IsUUID('all', { each: true })
  customerIds?: string[];
  /** Opaque: the `nextCursor` of the page before. */
  @IsPageCursor() cursor?: string;
  @IsPageSize(MAX_CONVERSATION_PAGE) limit?: number;
}

export interface ConversationListPage {
  items: ConversationListItem[];
  /** Null on the last page. */
  nextCursor: string | null;
}
