import { IsArray, IsISO8601, IsString, ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';

/**
 * `evt.crm.customer.merged.v1`: crm committed a merge; `mergedCustomerId` no longer exists and
 * what was its own now belongs to `customerId`. `evt.crm.customer.unmerged.v1`: crm committed its
 * undo; `mergedCustomerId` exists again as it was, with its identities and what arrived on them
 * since. Both written through crm's outbox; `eventId` is the `Nats-Msg-Id`.
 */
export class CustomerMergeEvent {
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsISO8601() occurredAt!: string;
  @IsEntityId() mergeId!: string;
  /** The surviving record. */
  @IsEntityId() customerId!: string;
  /** The record merged into it. */
  @IsEntityId() mergedCustomerId!: string;
  /** The merged record's identities that moved (ids of crm identity rows). */
  @IsArray() @IsEntityId() identityIds!: string[];
  @ValidateIf((_, v) => v !== null) @IsEntityId() actorId!: string | null;
}
