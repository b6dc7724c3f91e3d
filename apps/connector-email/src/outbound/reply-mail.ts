import type { Readable } from 'node:stream';
import { sentMessageId, type EmailReplyRequested } from '@hub/contracts';
import type { SendMailOptions } from 'nodemailer';

const bracketed = (id: string): string => `<${id}>`;

/**
 * The mail of an agent's reply: From the inbox's address with the agent's name, Reply-To the
 * inbox's plus-address carrying the conversation's reply token, a Message-ID derived from the
 * stored message (so the customer's answer and any bounce name it), In-Reply-To and References
 * from the thread, plain text and HTML with the inbox's signature. Header values are passed to
 * nodemailer as data, never as raw header lines, so a line break in one cannot add a header.
 */
export function replyMail(
  request: EmailReplyRequested,
  attachment: Readable | null,
): SendMailOptions {
  const at = request.fromAddress.lastIndexOf('@');
  const replyTo = `${request.fromAddress.slice(0, at)}+${request.replyToken}${request.fromAddress.slice(at)}`;
  const answered = request.references.at(-1);
  return {
    from: { name: oneLine(request.fromName), address: request.fromAddress },
    to: request.to,
    replyTo,
    subject: oneLine(request.subject),
    messageId: bracketed(sentMessageId(request.messageId, request.fromAddress)),
    ...(answered
      ? { inReplyTo: bracketed(answered), references: request.references.map(bracketed) }
      : {}),
    text: withSignature(request.content, request.signature),
    html: htmlOf(request.content, request.signature),
    ...(attachment && request.attachment
      ? {
          attachments: [
            {
              filename: request.attachment.name,
              contentType: request.attachment.mimeType,
              content: attachment,
            },
          ],
        }
      : {}),
  };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

function withSignature(content: string, signature: string | undefined): string {
  return signature ? `${content}\n\n-- \n${signature}` : content;
}

function htmlOf(content: string, signature: string | undefined): string {
  const paragraphs = escapeHtml(content).replace(/\n/g, '<br>');
  const signed = signature
    ? `${paragraphs}<br><br>-- <br>${escapeHtml(signature).replace(/\n/g, '<br>')}`
    : paragraphs;
  return `<!doctype html><html><body><div>${signed}</div></body></html>`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
