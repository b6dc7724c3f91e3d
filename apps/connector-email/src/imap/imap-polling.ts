import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SUBJECTS, type EmailInboxView } from '@hub/contracts';
import { SecretBox, secretsKeyOf } from '@hub/secret-box';
import { PeriodicPass, RpcClient, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorEmailEnv } from '../connector-email.env';
import { IngestMail } from '../ingest/ingest-mail.use-case';
import { MailRefused } from '../ingest/mail-refused';
import { ImapCursors } from './imap-cursors';
import { readNewMail, type MailboxLogin } from './read-new-mail';

/**
 * Polls the IMAP mailboxes of email inboxes whose mail is hosted elsewhere and takes each new
 * message in like a mail delivered over SMTP (the same parsing, files, threading and
 * `inbound.email`). The cursor moves past a message only after JetStream has acknowledged it, so
 * a restart reads nothing twice but the one message in flight, which its Message-ID keeps from
 * being stored twice; replicas share the work, one at a time per mailbox.
 */
@Injectable()
export class ImapPolling implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImapPolling.name);
  private readonly secrets: SecretBox;
  private readonly periodic: PeriodicPass;

  constructor(
    @Inject(SERVICE_ENV) env: ConnectorEmailEnv,
    private readonly rpc: RpcClient,
    private readonly cursors: ImapCursors,
    private readonly ingest: IngestMail,
  ) {
    this.secrets = new SecretBox(secretsKeyOf(env));
    this.periodic = new PeriodicPass(() => this.pollAll(), {
      everyMs: env.IMAP_POLL_INTERVAL_MS,
      logger: this.logger,
      failure: 'IMAP mailboxes not polled; the next pass retries',
    });
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  async pollAll(): Promise<void> {
    const inboxes = await this.rpc.request(SUBJECTS.conversation.listPolledEmailInboxes, {});
    for (const inbox of inboxes) {
      // One mailbox that cannot be read (wrong password, server down) holds up no other.
      await this.cursors
        .whileLocked(inbox.inboxId, () => this.poll(inbox))
        .catch((error: unknown) =>
          this.logger.warn({ err: error, inboxId: inbox.inboxId }, 'IMAP mailbox not read'),
        );
    }
  }

  private async poll(inbox: EmailInboxView): Promise<void> {
    const login = this.loginOf(inbox);
    let saved = await this.cursors.position(inbox.inboxId);
    let taken = 0;
    const reached = await readNewMail(login, saved, async (raw, after) => {
      await this.takeIn(inbox, raw);
      await this.cursors.advance(inbox.workspaceId, inbox.inboxId, after);
      saved = after;
      taken += 1;
    });
    // A new UIDVALIDITY, or messages expunged before they were read, move the cursor too.
    if (saved?.uidValidity !== reached.uidValidity || saved.lastUid !== reached.lastUid) {
      await this.cursors.advance(inbox.workspaceId, inbox.inboxId, reached);
    }
    if (taken > 0) this.logger.log({ inboxId: inbox.inboxId, taken }, 'IMAP mail taken in');
  }

  /** A mail refused for good (unparsable, no sender) is passed over; anything else stops the pass. */
  private async takeIn(inbox: EmailInboxView, raw: Buffer): Promise<void> {
    try {
      await this.ingest.execute({ raw, mailFrom: '', recipients: [{ inbox }] });
    } catch (error) {
      if (!(error instanceof MailRefused) || error.responseCode < 500) throw error;
      this.logger.warn({ inboxId: inbox.inboxId, reason: error.message }, 'IMAP mail refused');
    }
  }

  private loginOf(inbox: EmailInboxView): MailboxLogin {
    const imap = inbox.imap!;
    if (!imap.sealedPassword) throw new Error('the inbox has no IMAP password');
    return { ...imap, password: this.secrets.open(imap.sealedPassword) };
  }
}
