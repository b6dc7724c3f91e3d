import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { Channel } from '@hub/domain';
import { IsEntityId, IsExternalId } from '../common/validators';

/**
 * `conversation.customer.merge` (crm only): every conversation of `fromCustomerId` now belongs
 * to `toCustomerId`, and a message resolved to `fromCustomerId` lands on `toCustomerId` until the
 * merge is undone. Idempotent by `mergeId` (a repeat answers the first reply).
 */
export class MergeCustomerConversationsRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() mergeId!: string;
  @IsEntityId() fromCustomerId!: string;
  @IsEntityId() toCustomerId!: string;
}

/** A customer's id on one channel, as crm's channel identities hold it. */
export class ChannelIdentity {
  @IsIn(Object.values(Channel)) channel!: Channel;
  @IsExternalId() externalId!: string;
}

/**
 * `conversation.customer.unmerge` (crm only): undoes merge `mergeId`. The conversations it moved,
 * and those the surviving customer got since from one of `identities` (the merged customer's
 * identities, going back), return to the merged customer. Idempotent by `mergeId`; an undo
 * of a merge the service never saw is remembered, so that merge arriving late moves nothing.
 */
export class UnmergeCustomerConversationsRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() mergeId!: string;
  /** The surviving customer (the merge's `toCustomerId`). */
  @IsEntityId() fromCustomerId!: string;
  /** The merged customer, restored. */
  @IsEntityId() toCustomerId!: string;
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => ChannelIdentity)
  identities!: ChannelIdentity[];
}

export interface CustomerConversationsMoved {
  conversationIds: string[];
}
