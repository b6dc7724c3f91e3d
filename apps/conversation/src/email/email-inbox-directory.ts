import { Injectable } from '@nestjs/common';
import type { EmailInboxView, ImapMailboxView } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { Database, DomainException } from '@hub/service-kit';
import { Inbox } from '../inboxes/inbox.entity';

/**
 * Email inboxes by address. An email inbox keeps its configuration in `settings.email`
 * (`address`, `displayName`, `signature`; docs/email.md); the address is unique across the hub
 * (uq_inboxes_email_address), since it alone says which workspace a mail is for.
 */
@Injectable()
export class EmailInboxDirectory {
  constructor(private readonly database: Database) {}

  async find(address: string): Promise<EmailInboxView> {
    const inbox = await this.database.dataSource.manager
      .createQueryBuilder(Inbox, 'inbox')
      .where('inbox.channel = :channel', { channel: Channel.Email })
      .andWhere(`lower(inbox.settings #>> '{email,address}') = :address`, {
        address: address.toLowerCase(),
      })
      .getOne();
    if (!inbox) {
      throw new DomainException('INBOX_NOT_FOUND', 'No email inbox receives mail for this address');
    }
    return emailInboxView(inbox);
  }

  /** Every email inbox with a mailbox to poll over IMAP (`settings.email.imap.host` set). */
  async listPolled(): Promise<EmailInboxView[]> {
    const inboxes = await this.database.dataSource.manager
      .createQueryBuilder(Inbox, 'inbox')
      .where('inbox.channel = :channel', { channel: Channel.Email })
      .andWhere(`inbox.settings #>> '{email,address}' is not null`)
      .andWhere(`inbox.settings #>> '{email,imap,host}' is not null`)
      .orderBy('inbox.id')
      .getMany();
    return inboxes.map(emailInboxView);
  }

  /** The email inbox `inboxId` of the workspace, with its configuration. */
  async get(workspaceId: string, inboxId: string): Promise<EmailInboxView> {
    const inbox = await this.database.dataSource.manager.findOneBy(Inbox, {
      id: inboxId,
      workspaceId,
      channel: Channel.Email,
    });
    if (
      !inbox ||
      typeof (inbox.settings.email as Record<string, unknown> | undefined)?.address !== 'string'
    ) {
      throw new DomainException(
        'INBOX_NOT_FOUND',
        `Inbox ${inboxId} is not a configured email inbox`,
      );
    }
    return emailInboxView(inbox);
  }

  /**
   * The email inbox a workspace answers web visitors' left messages from: the one the web
   * inbox names (`settings.widget.offlineEmailInboxId`), else the workspace's only configured
   * email inbox; null when there is none (or several and none named). A named inbox that is
   * not one of the workspace's email inboxes counts as not named: a bad setting never makes
   * the visitor's message fail.
   */
  async answeringInboxOf(workspaceId: string, named: unknown): Promise<EmailInboxView | null> {
    const inboxes = await this.database.dataSource.manager
      .createQueryBuilder(Inbox, 'inbox')
      .where('inbox.workspace_id = :workspaceId', { workspaceId })
      .andWhere('inbox.channel = :channel', { channel: Channel.Email })
      .andWhere(`inbox.settings #>> '{email,address}' is not null`)
      .getMany();
    const chosen = inboxes.find((inbox) => inbox.id === named);
    if (chosen) return emailInboxView(chosen);
    return inboxes.length === 1 ? emailInboxView(inboxes[0]) : null;
  }
}

function emailInboxView(inbox: Inbox): EmailInboxView {
  const email = (inbox.settings.email ?? {}) as Record<string, unknown>;
  const text = (value: unknown): string | null =>
    typeof value === 'string' && value.trim() !== '' ? value : null;
  return {
    inboxId: inbox.id,
    workspaceId: inbox.workspaceId,
    address: String(email.address).toLowerCase(),
    displayName: text(email.displayName),
    signature: text(email.signature),
    imap: imapMailboxView(inbox),
  };
}

const IMAPS_PORT = 993;

/**
 * `settings.email.imap` (`host`, `port`, `secure`, `user`, `mailbox`) with the password sealed
 * under `settings.secrets.imapPassword`; null without a host.
 */
function imapMailboxView(inbox: Inbox): ImapMailboxView | null {
  const email = (inbox.settings.email ?? {}) as Record<string, unknown>;
  const imap = (email.imap ?? {}) as Record<string, unknown>;
  if (typeof imap.host !== 'string' || imap.host === '') return null;
  const secure = imap.secure !== false;
  const secrets = (inbox.settings.secrets ?? {}) as Record<string, unknown>;
  return {
    host: imap.host,
    port: typeof imap.port === 'number' ? imap.port : IMAPS_PORT,
    secure,
    user: typeof imap.user === 'string' ? imap.user : '',
    mailbox: typeof imap.mailbox === 'string' && imap.mailbox !== '' ? imap.mailbox : 'INBOX',
    sealedPassword: typeof secrets.imapPassword === 'string' ? secrets.imapPassword : null,
  };
}
