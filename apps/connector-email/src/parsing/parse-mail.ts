import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { MAX_THREAD_REFERENCES, MESSAGE_ID_PATTERN } from '@hub/contracts';
import { isAutoReply } from './auto-reply';
import { readBounce, type Bounce } from './bounce';
import { foldQuotedHistory } from './fold-quoted-history';
import { sanitizeEmailHtml } from './sanitize-email-html';
import { storableText } from './storable-text';
import { isForward, threadSubject } from './thread-subject';

/** One attachment or inline image of a mail, with its bytes. */
export interface MailPart {
  fileName: string;
  declaredType: string;
  content: Buffer;
}

/** What the hub keeps of a mail. */
export interface ParsedEmail {
  /** The Message-ID without brackets; null when the mail has none (or an unusable one). */
  messageId: string | null;
  /** In-Reply-To first, then References newest first, without brackets, deduplicated. */
  references: string[];
  subject: string;
  threadSubject: string;
  from: { address: string; name?: string } | null;
  sentAt: Date | null;
  /** What the sender wrote now: the text part (else the HTML's text), history folded away. */
  text: string;
  /** The HTML body, sanitized; null when the mail has none. */
  html: string | null;
  parts: MailPart[];
  autoReply: boolean;
  /** A delivery status notification about a mail we sent; null for any other mail. */
  bounce: Bounce | null;
}

const MAX_SUBJECT = 998;
const MAX_NAME = 200;

/**
 * Parses a raw mail with mailparser: every charset it decodes (GB2312/GBK/GB18030, Big5,
 * ISO-2022-JP, Shift_JIS, EUC-KR... through iconv-lite), quoted-printable and base64 bodies,
 * RFC 2047 headers. Header garbage (8-bit bytes, controls) becomes storable text.
 */
export async function parseMail(raw: Buffer): Promise<ParsedEmail> {
  const mail = await simpleParser(raw, {
    // Nothing reads mailparser's HTML rendering of the text part; it costs a third of the parse.
    skipTextToHtml: true,
    keepCidLinks: true,
    skipImageLinks: true,
    skipTextLinks: true,
    maxHtmlLengthToParse: 2_000_000,
  });
  const subject = storableText(mail.subject ?? '', MAX_SUBJECT).replace(/\n/g, ' ');
  const html = typeof mail.html === 'string' ? sanitizeEmailHtml(mail.html) : null;
  const body = storableText(mail.text ?? '', 2_000_000);
  const bounce = readBounce(mail);
  return {
    messageId: cleanMessageId(mail.messageId),
    references: referencesOf(mail),
    subject,
    threadSubject: threadSubject(subject),
    from: senderOf(mail.from),
    sentAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    text: foldQuotedHistory(body, { forwarded: isForward(subject) }).text,
    html,
    // A report's machine-readable parts are read by readBounce, not stored.
    parts: mail.attachments
      .filter((part) => !(bounce && isReportPart(part.contentType)))
      .map((part) => ({
        fileName: storableText(part.filename ?? '', 255).trim(),
        declaredType: part.contentType,
        content: part.content,
      })),
    autoReply: isAutoReply(mail.headers, subject),
    bounce,
  };
}

/** `<abc@host>` → `abc@host`; null when nothing usable is left. */
export function cleanMessageId(value: string | undefined): string | null {
  const id = (value ?? '').trim().replace(/^<|>$/g, '').trim();
  return MESSAGE_ID_PATTERN.test(id) ? id : null;
}

function referencesOf(mail: ParsedMail): string[] {
  const references =
    typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []);
  const ids = [mail.inReplyTo, ...[...references].reverse()]
    .flatMap((value) => (value ?? '').split(/[\s,]+/))
    .map((value) => cleanMessageId(value))
    .filter((id): id is string => id !== null);
  return [...new Set(ids)].slice(0, MAX_THREAD_REFERENCES);
}

function senderOf(from: AddressObject | undefined): ParsedEmail['from'] {
  const first = from?.value[0];
  if (!first?.address) return null;
  const name = storableText(first.name ?? '', MAX_NAME)
    .replace(/\n/g, ' ')
    .trim();
  return { address: first.address.toLowerCase(), ...(name ? { name } : {}) };
}

function isReportPart(contentType: string): boolean {
  return ['message/delivery-status', 'message/rfc822', 'text/rfc822-headers'].includes(
    contentType.toLowerCase(),
  );
}
