import { IsEmailAddress } from '../common/validators';

/**
 * `conversation.email-inbox.find` → EmailInboxView or INBOX_NOT_FOUND: the email inbox that
 * receives mail for `address` (lower case, without a `+token`), asked by connector-email at RCPT.
 */
export class FindEmailInboxRequest {
  @IsEmailAddress() address!: string;
}

/**
 * An email inbox's configuration, from its `settings.email` (see docs/email.md): the address
 * mail comes in on and replies go out from, the name shown with it, and the signature appended
 * to agents' replies.
 */
export interface EmailInboxView {
  inboxId: string;
  workspaceId: string;
  /** Lower case. */
  address: string;
  displayName: string | null;
  signature: string | null;
}
