import { IsIn, IsOptional } from 'class-validator';
import { Channel } from '@hub/domain';
import { IsEmailAddress, IsEntityId, IsExternalId, IsPersonName } from '../common/validators';

/**
 * `crm.customer.identify` (request/reply): a site vouched (by HMAC) that its visitor is its
 * logged-in user `externalUserId`. crm records the site user as an identity of kind
 * `site-user` on the visitor's customer; when another customer of the workspace already holds
 * that site user, the visitor's identity moves to that customer instead (the two records are
 * not merged: that is the merge feature's job). `name` and `email`, when given, replace the
 * customer's: they come from the site, not from the visitor.
 */
export class IdentifyCustomerRequest {
  @IsEntityId()
  workspaceId!: string;

  @IsIn([Channel.Web])
  channel!: typeof Channel.Web;

  /** The visitor id: the customer's identity on the channel. */
  @IsExternalId()
  externalId!: string;

  /** The site's own id for its user (what the HMAC signed). */
  @IsExternalId()
  externalUserId!: string;

  @IsOptional()
  @IsPersonName()
  name?: string;

  @IsOptional()
  @IsEmailAddress()
  email?: string;
}

export interface IdentifyCustomerReply {
  customerId: string;
  /**
   * `linked`: the site user was added to the visitor's customer; `already`: it was there;
   * `moved`: the visitor's identity moved to the customer that already held the site user.
   */
  outcome: 'linked' | 'already' | 'moved';
}
