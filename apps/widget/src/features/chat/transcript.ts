import type { MessageView } from '../../api/types';
import type { OutboxEntry } from '../../state/persisted-state';

/** The messages plus `incoming`, each id once (the later copy wins: fresher file links), by seq. */
export function mergeMessages(
  messages: readonly MessageView[],
  incoming: readonly MessageView[],
): MessageView[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The outbox without the entries the hub has stored (found among `messages`). */
export function withoutStored(
  outbox: readonly OutboxEntry[],
  messages: readonly MessageView[],
): OutboxEntry[] {
  const stored = new Set(messages.map((message) => message.clientMessageId).filter(Boolean));
  return outbox.filter((entry) => !stored.has(entry.clientMessageId));
}

/** Our own message as the hub stored it, built from its ack (the socket echoes it nowhere else). */
export function storedOwnMessage(
  entry: OutboxEntry,
  ack: { messageId: string; seq: number; conversationId: string },
  now: Date,
): MessageView {
  return {
    id: ack.messageId,
    conversationId: ack.conversationId,
    seq: ack.seq,
    direction: 'inbound',
    senderType: 'customer',
    content: entry.content,
    contentType: entry.attachment
      ? entry.attachment.mimeType.startsWith('image/')
        ? 'image'
        : 'file'
      : 'text',
    clientMessageId: entry.clientMessageId,
    createdAt: now.toISOString(),
    ...(entry.attachment ? { attachment: entry.attachment } : {}),
  };
}

/** Agent and bot messages after `readSeq`: the launcher's unread badge. */
export function unreadCount(messages: readonly MessageView[], readSeq: number): number {
  return messages.filter((message) => message.direction === 'outbound' && message.seq > readSeq)
    .length;
}

/** The URL of a link message when it is http(s); anything else is shown as plain text. */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (_notAUrl) {
    return null;
  }
}
