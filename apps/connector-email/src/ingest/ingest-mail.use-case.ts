import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  inboundMessageId,
  sentMessageIdsOf,
  SUBJECTS,
  type EmailInboxView,
  type InboundEmailThread,
  type InboundMessageReceived,
} from '@hub/contracts';
import { Channel, ContentType } from '@hub/domain';
import { Messaging } from '@hub/service-kit';
import { isEmail } from 'class-validator';
import { DeliveryReports } from '../outbound/delivery-reports';
import type { Bounce } from '../parsing/bounce';
import type { ParsedEmail } from '../parsing/parse-mail';
import { MailParsers } from '../parsing/mail-parsers';
import { storableText } from '../parsing/storable-text';
import { MailFiles, type MailOwner } from './mail-files';
import { MailRefused } from './mail-refused';

/** A recipient the SMTP session accepted: the inbox, and the reply token its address carried. */
export interface AcceptedRecipient {
  inbox: EmailInboxView;
  replyToken?: string;
}

export interface IncomingMail {
  raw: Buffer;
  /** The envelope sender (MAIL FROM), empty for a bounce. */
  mailFrom: string;
  recipients: AcceptedRecipient[];
}

// The message contract's limit; longer mails are cut with a note.
const MAX_CONTENT = 20_000;
const TRUNCATED_NOTE = '\n\n[the rest of this mail was cut: too long]';
// The contract's limit on a channel message id; a longer Message-ID is hashed.
const MAX_EXTERNAL_ID = 400;

/**
 * A mail the SMTP server received, made durable: parsed, its files stored, and published to
 * `inbound.email` (one message for the text, one per attachment) for each inbox it was sent to.
 * It resolves only once JetStream has acknowledged every message, and the SMTP answer waits for
 * it. Each message's Nats-Msg-Id derives from the Message-ID (or, without one, from the mail's
 * bytes), so a mail delivered twice is stored once.
 */
@Injectable()
export class IngestMail {
  private readonly logger = new Logger(IngestMail.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly files: MailFiles,
    private readonly reports: DeliveryReports,
    private readonly parsers: MailParsers,
  ) {}

  async execute(incoming: IncomingMail): Promise<{ messageId: string }> {
    const mail = await this.parsers.parse(incoming.raw).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'mail not parsed');
      throw new MailRefused(554, '5.6.0 The mail cannot be parsed');
    });
    if (mail.bounce) return this.bounced(mail.bounce, incoming.recipients);
    const sender = senderOf(mail, incoming.mailFrom);
    const messageId = mail.messageId ?? `sha256.${sha256(incoming.raw)}@hub.invalid`;
    const items = [];
    for (const recipient of distinctInboxes(incoming.recipients)) {
      const messages = await this.messagesFor(recipient, { mail, sender, messageId });
      items.push(
        ...messages.map((payload) => ({
          event: SUBJECTS.inbound.messageReceived,
          payload,
          msgId: inboundMessageId(payload),
        })),
      );
    }
    // Throws when NATS is away or an ack does not come: the sender is told to try later.
    await this.messaging.publisher.publishMany(items, { maxInFlight: 16 });
    this.logger.log({ messages: items.length, autoReply: mail.autoReply }, 'mail accepted');
    return { messageId };
  }

  /**
   * A bounce of one of our replies marks it failed with the bounce's reason; it is not a
   * customer's message. A bounce of anything else is taken and dropped.
   */
  private async bounced(
    bounce: Bounce,
    recipients: AcceptedRecipient[],
  ): Promise<{ messageId: string }> {
    const [messageId] = sentMessageIdsOf([bounce.originalMessageId]);
    const inbox = recipients[0]?.inbox;
    if (messageId && inbox) {
      await this.reports.report({
        workspaceId: inbox.workspaceId,
        messageId,
        outcome: 'failed',
        reason: `Bounced: ${bounce.reason}`,
      });
    }
    this.logger.log(
      { bounced: bounce.originalMessageId, ours: Boolean(messageId) },
      'bounce taken',
    );
    return { messageId: bounce.originalMessageId };
  }

  private async messagesFor(
    recipient: AcceptedRecipient,
    { mail, sender, messageId }: { mail: ParsedEmail; sender: Sender; messageId: string },
  ): Promise<InboundMessageReceived[]> {
    const { inbox } = recipient;
    const owner: MailOwner = { workspaceId: inbox.workspaceId, senderAddress: sender.address };
    const notes: string[] = [];
    const files = [];
    for (const part of mail.parts) {
      const kept = await this.files.keepAttachment(owner, part);
      if ('note' in kept) notes.push(kept.note);
      else files.push(kept.file);
    }
    const html = mail.html ? await this.files.keepHtml(owner, mail.html) : null;
    const email: InboundEmailThread = {
      messageId,
      references: mail.references,
      ...(recipient.replyToken ? { replyToken: recipient.replyToken } : {}),
      subject: mail.threadSubject,
      autoReply: mail.autoReply,
    };
    const base = {
      workspaceId: inbox.workspaceId,
      inboxId: inbox.inboxId,
      channel: Channel.Email,
      customer: {
        externalId: sender.address,
        email: sender.address,
        ...(sender.name ? { name: sender.name } : {}),
      },
      email,
      sentAt: (mail.sentAt ?? new Date()).toISOString(),
    };
    const externalId = externalIdOf(messageId);
    const text: InboundMessageReceived = {
      ...base,
      externalMessageId: externalId,
      content: contentOf(mail, notes),
      contentType: html ? ContentType.File : ContentType.Text,
      ...(html ? { attachmentFileId: html.id } : {}),
    };
    const attachments = files.map((file, index): InboundMessageReceived => ({
      ...base,
      externalMessageId: `${externalId}#${index + 1}`,
      content: '',
      contentType: ContentType.File,
      attachmentFileId: file.id,
    }));
    return [text, ...attachments];
  }
}

interface Sender {
  address: string;
  name?: string;
}

/** The From address, else the envelope sender; a mail with neither usable is refused. */
function senderOf(mail: ParsedEmail, mailFrom: string): Sender {
  if (mail.from && isEmail(mail.from.address)) return mail.from;
  const envelope = mailFrom.toLowerCase();
  if (isEmail(envelope)) return { address: envelope };
  throw new MailRefused(550, '5.1.7 The mail has no usable sender address');
}

function contentOf(mail: ParsedEmail, notes: string[]): string {
  const text = mail.text.trim() === '' ? mail.subject : mail.text;
  const withNotes = [text, ...notes].filter((line) => line !== '').join('\n');
  if (withNotes.length <= MAX_CONTENT) return withNotes;
  return storableText(withNotes, MAX_CONTENT - TRUNCATED_NOTE.length) + TRUNCATED_NOTE;
}

function externalIdOf(messageId: string): string {
  return messageId.length <= MAX_EXTERNAL_ID ? messageId : `sha256.${sha256(messageId)}`;
}

function distinctInboxes(recipients: AcceptedRecipient[]): AcceptedRecipient[] {
  const byInbox = new Map<string, AcceptedRecipient>();
  for (const recipient of recipients) {
    // A token-carrying address says more than the bare one.
    const known = byInbox.get(recipient.inbox.inboxId);
    if (!known || (!known.replyToken && recipient.replyToken)) {
      byInbox.set(recipient.inbox.inboxId, recipient);
    }
  }
  return [...byInbox.values()];
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
