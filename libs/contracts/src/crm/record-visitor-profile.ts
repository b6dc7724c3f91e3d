import { IsIn } from 'class-validator';
import { Channel } from '@hub/domain';
import { CustomerContact } from '../common/customer-contact';
import { IsEntityId, IsExternalId } from '../common/validators';

/**
 * `crm.customer.profile.record` (request/reply): what a visitor typed about themself (the
 * widget's pre-chat form), unverified. crm keeps it as the customer's `unverifiedContact`
 * attribute and fills the customer's name, email and phone only where they are still empty,
 * so it never overwrites what a site vouched for.
 */
export class RecordVisitorProfileRequest extends CustomerContact {
  @IsEntityId()
  workspaceId!: string;

  @IsIn([Channel.Web])
  channel!: typeof Channel.Web;

  @IsExternalId()
  externalId!: string;
}

export interface RecordVisitorProfileReply {
  customerId: string;
}
