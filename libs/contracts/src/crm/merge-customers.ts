import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';

/**
 * `crm.customer.merge` → CustomerMergeView: `otherCustomerId` is merged into `customerId`, which
 * survives. Refused with CUSTOMER_MERGE_SAME (one customer twice), CUSTOMER_NOT_FOUND (either
 * missing, or in another workspace) or CUSTOMER_ALREADY_MERGED (one was merged away already).
 */
export class MergeCustomersRequest {
  @IsEntityId() workspaceId!: string;
  /** The record that survives. */
  @IsEntityId() customerId!: string;
  /** The record merged into it (removed until the merge is undone). */
  @IsEntityId() otherCustomerId!: string;
  @ValidateNested() @Type(() => Actor) actor!: Actor;
}

/**
 * `crm.customer-merge.undo` → CustomerMergeView: restores both records as they were before the
 * merge. Refused with CUSTOMER_MERGE_NOT_FOUND, CUSTOMER_MERGE_ALREADY_UNDONE, or
 * CUSTOMER_MERGE_UNDO_BLOCKED (the surviving record is gone: merged away since, or erased).
 */
export class UndoCustomerMergeRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() mergeId!: string;
  @ValidateNested() @Type(() => Actor) actor!: Actor;
}
