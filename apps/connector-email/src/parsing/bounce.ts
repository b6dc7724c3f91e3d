import type { ParsedMail } from 'mailparser';
import { storableText } from './storable-text';

/** A delivery status notification (RFC 3464) saying a mail could not be delivered. */
export interface Bounce {
  /** The Message-ID of the mail that bounced, without brackets (from the returned headers). */
  originalMessageId: string;
  /** The status and diagnostic, e.g. `5.1.1 smtp; 550 5.1.1 user unknown`. */
  reason: string;
}

/**
 * The bounce a mail reports, or null: only a multipart/report of a permanent failure
 * (`Action: failed`) that returns the original's headers counts; delays and successes don't.
 */
export function readBounce(mail: ParsedMail): Bounce | null {
  const contentType = mail.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  if (contentType?.value?.toLowerCase() !== 'multipart/report') return null;
  const status = mail.attachments.find(
    (part) => part.contentType.toLowerCase() === 'message/delivery-status',
  );
  const original = mail.attachments.find((part) =>
    ['message/rfc822', 'text/rfc822-headers'].includes(part.contentType.toLowerCase()),
  );
  if (!original) return null;
  // mailparser shows a message/delivery-status part as text unless it came as an attachment.
  const fields = status ? status.content.toString('utf8') : (mail.text ?? '');
  if (!/^Action:\s*failed\s*$/im.test(fields)) return null;
  const originalHeaders = original.content.toString('utf8').split(/\r?\n\r?\n/, 1)[0];
  const messageId = /^Message-ID:\s*<([^>\s]{1,998})>/im.exec(originalHeaders)?.[1];
  if (!messageId) return null;
  const code = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(fields)?.[1];
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(fields)?.[1]?.trim();
  const reason = [code, diagnostic].filter(Boolean).join(' ') || 'undeliverable';
  return { originalMessageId: messageId, reason: storableText(reason, 500) };
}
