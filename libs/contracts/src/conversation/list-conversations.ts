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
import { IsEntityId, IsPageSize, IsStorableText } from '../common/validators';

export const CONVERSATION_LIST_VIEWS = ['mine', 'unassigned', 'all'] as const;
export type ConversationListView = (typeof CONVERSATION_LIST_VIEWS)[number];

/** The most customers (from crm's search) or SLA subjects one list request narrows to. */
export const MAX_LISTED_IDS = 1000;

/**
 * `conversation.conversation.list` → ConversationListItem[] (newest activity first), each with
 * the actor's unread count and its tags. Every filter given must hold.
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
  @IsPageSize(100) limit?: number;
}
