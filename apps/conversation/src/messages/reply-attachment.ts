import type { EmailReplyAttachment } from '@hub/contracts';
import type { Message } from './message.entity';

/** Where a reply's file is, for the connector sending it: `{ attachment }`, or `{}` without one. */
export function replyAttachmentOf(message: Message): { attachment?: EmailReplyAttachment } {
  if (!message.attachment) return {};
  const { id, name, mimeType, storageKey } = message.attachment;
  return { attachment: { fileId: id, name, mimeType, storageKey } };
}
