import { IsEmailAddress } from '../common/validators';

/**
 * `conversation.email-inbox.find` → EmailInboxView or INBOX_NOT_FOUND: the email inbox that
 * receives mail for `address` (lower case, without a `+token`), asked by connector-email at RCPT.
 */
export class FindEmailInboxRequest {
  @IsEmailAddress() address!: string;
}

/**
 * `conversation.email-inbox.list-polled` → EmailInboxView[]: every email inbox of the hub that
 * has a mailbox elsewhere to poll over IMAP (`settings.email.imap`), asked by connector-email.
 */
export class ListPolledEmailInboxesRequest {}

/**
 * A mailbox hosted elsewhere that connector-email polls over IMAP for the inbox's mail. The
 * password stays sealed (SecretBox) until connector-email opens it to log in.
 */
export interface ImapMailboxView {
  host: string;
  port: number;
  /** TLS from the first byte (993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  /** The folder polled; default `INBOX`. */
  mailbox: string;
  sealedPassword: string | null;
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
  /** The mailbox polled over IMAP, when the inbox has one. */
  imap: ImapMailboxView | null;
}
