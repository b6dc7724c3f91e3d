import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Channel } from '@hub/domain';
import { IsEntityId, IsExternalId } from '../common/validators';

/**
 * `crm.customer.resolve` (request/reply): find the customer behind a channel identity,
 * creating the customer and the identity when this is the first contact.
 */
export class ResolveCustomerRequest {
  @IsEntityId()
  workspaceId!: string;

  @IsIn(Object.values(Channel))
  channel!: Channel;

  @IsExternalId()
  externalId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

export interface ResolveCustomerReply {
  customerId: string;
  /** True when this request created the customer. */
  created: boolean;
}
