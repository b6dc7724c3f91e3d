import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { Channel } from '@hub/domain';
import { CustomerContact } from '../common/customer-contact';
import { IsEntityId, IsExternalId } from '../common/validators';

/**
 * `crm.customer.resolve` (request/reply): find the customer behind a channel identity,
 * creating the customer and the identity when this is the first contact. On a first contact
 * whose email or phone the channel verified (`verified`), the identity joins the customer that
 * already holds that email or phone verified instead (automatic linking); weaker matches (same
 * name, an unverified email or phone) only become suggestions for agents.
 */
export class ResolveCustomerRequest extends CustomerContact {
  @IsEntityId()
  workspaceId!: string;

  @IsIn(Object.values(Channel))
  channel!: Channel;

  @IsExternalId()
  externalId!: string;

  /** The channel verified the identity and the email or phone given with it; default false. */
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

export interface ResolveCustomerReply {
  customerId: string;
  /** True when this request created the customer. */
  created: boolean;
  /** The customer is a VIP (routing ranks their conversations first). */
  vip?: boolean;
}
