import { Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_ENV } from '@hub/service-kit';
import type { SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { ConnectorEmailEnv } from '../connector-email.env';
import { EmailInboxLookup } from '../inboxes/email-inbox-lookup';
import { parseRecipient } from '../inboxes/recipient-address';
import { IngestMail, type AcceptedRecipient } from '../ingest/ingest-mail.use-case';
import { MailRefused } from '../ingest/mail-refused';

type Done = (error?: Error | null) => void;
type DataDone = (error?: Error | null, message?: string) => void;

/** An SMTP reply: smtp-server answers an error with its responseCode and message. */
function reply(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * What the SMTP server answers. RCPT: 550 for an address no email inbox receives, 452 past the
 * recipient limits, 451 when conversation cannot be asked. DATA: 552 over the size limit, and
 * 250 only once the mail is durable (IngestMail resolved after JetStream's ack); 451 when it
 * could not be made durable, so the sending server tries again later.
 */
@Injectable()
export class SmtpSessionHandlers {
  private readonly logger = new Logger(SmtpSessionHandlers.name);
  // RCPT commands per connection, accepted or not, against address harvesting and floods.
  private readonly rcptCommands = new Map<string, number>();
  // Per connection, the recipients of the mail in progress.
  private readonly recipients = new Map<string, AcceptedRecipient[]>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorEmailEnv,
    private readonly lookup: EmailInboxLookup,
    private readonly ingest: IngestMail,
  ) {}

  mailFrom(_address: SMTPServerAddress, session: SMTPServerSession, done: Done): void {
    this.recipients.set(session.id, []);
    done();
  }

  rcptTo(address: SMTPServerAddress, session: SMTPServerSession, done: Done): void {
    const commands = (this.rcptCommands.get(session.id) ?? 0) + 1;
    this.rcptCommands.set(session.id, commands);
    const accepted = this.recipients.get(session.id) ?? [];
    if (commands > this.env.SMTP_MAX_RCPT_COMMANDS) {
      return done(reply(452, '4.5.3 Too many recipients in this session'));
    }
    if (accepted.length >= this.env.SMTP_MAX_RECIPIENTS) {
      return done(reply(452, '4.5.3 Too many recipients'));
    }
    const recipient = parseRecipient(address.address);
    if (!recipient) return done(reply(553, '5.1.3 Bad recipient address syntax'));
    this.lookup.find(recipient.inboxAddress).then(
      (inbox) => {
        if (!inbox) return done(reply(550, '5.1.1 No such mailbox here'));
        accepted.push({
          inbox,
          ...(recipient.replyToken ? { replyToken: recipient.replyToken } : {}),
        });
        this.recipients.set(session.id, accepted);
        done();
      },
      (error: unknown) => {
        this.logger.warn({ err: error }, 'recipient not looked up');
        done(reply(451, '4.4.3 Temporary lookup failure, try again later'));
      },
    );
  }

  data(stream: SMTPServerDataStream, session: SMTPServerSession, done: DataDone): void {
    const work = this.receive(stream, session).then(
      ({ messageId }) => done(null, `2.0.0 Ok: queued as ${messageId}`),
      (error: unknown) => done(this.refusal(error)),
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  closed(session: SMTPServerSession): void {
    this.rcptCommands.delete(session.id);
    this.recipients.delete(session.id);
  }

  /** Resolves once every mail being received has been answered. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
  ): Promise<{ messageId: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
      // Past the limit the rest is read and dropped: the client is still sending it.
      if (!stream.sizeExceeded) chunks.push(chunk as Buffer);
    }
    if (stream.sizeExceeded) {
      throw new MailRefused(
        552,
        `5.3.4 Message exceeds the ${this.env.SMTP_MAX_MESSAGE_BYTES} byte limit`,
      );
    }
    const recipients = this.recipients.get(session.id) ?? [];
    this.recipients.set(session.id, []);
    return this.ingest.execute({
      raw: Buffer.concat(chunks),
      mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      recipients,
    });
  }

  private refusal(error: unknown): Error {
    if (error instanceof MailRefused) return reply(error.responseCode, error.message);
    this.logger.warn({ err: error }, 'mail not accepted; the sender will retry');
    return reply(451, '4.3.0 Mail not stored, try again later');
  }
}
