import { IsIn } from 'class-validator';
import { Channel } from '@hub/domain';
import { CustomerContact } from '../common/customer-contact';
import { IsEntityId, IsExternalId } from '../common/validators';

/**
 * `crm.customer.resolve` (request/reply): find the customer behind a channel identity,
 * creating the customer and the identity when this is the first contact.
 */
export class ResolveCustomerRequest extends CustomerContact {
  @IsEntityId()
  workspaceId!: string;

  @IsIn(Object.values(Channel))
  channel!: Channel;

  @IsExternalId()
  externalId!: string;
}

export interface ResolveCustomerReply {
  customerId: string;
  /** True when this request created the customer. */
  created: boolean;
  /**
   * The customer is a VIP (crm's `customers.vip`): routing ranks their conversations first.
   * Absent from a crm that does not know the flag; read as not VIP.
   */
  vip?: boolean;
}
