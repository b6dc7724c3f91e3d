import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Channel } from '@hub/domain';
import { IsEntityId, IsExternalId } from '../common/validators';
import { CrmActor } from './crm-actor';

/**
 * `crm.customer.identity.add` → CustomerView: the customer is reachable as `externalId` on
 * `channel`. An id another customer of the workspace holds → CUSTOMER_IDENTITY_TAKEN.
 */
export class AddIdentityRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
  @IsEntityId() customerId!: string;
  @IsIn(Object.values(Channel)) channel!: Channel;
  @IsExternalId() externalId!: string;
  /** The channel (or the agent) checked the person controls the id; default false. */
  @IsOptional() @IsBoolean() verified?: boolean;
}

/** `crm.customer.identity.remove` → CustomerView: the identity no longer points at the customer. */
export class RemoveIdentityRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
  @IsEntityId() customerId!: string;
  @IsEntityId() identityId!: string;
}
