import {
  list,
  locationText,
  noEvents,
  obj,
  text,
  timeOf,
  type PlatformEvents,
  type PlatformMessage,
} from './platform-message';

/** A LINE user's latest reply token, for answering by reply instead of push. */
export interface LineReplyToken {
  userId: string;
  replyToken: string;
  receivedAt: Date;
}

const MEDIA_TYPES = ['image', 'video', 'audio', 'file'];

/**
 * A LINE webhook body (`events[]`): message events of users (text, image, video, audio, file,
 * sticker as text, location) and their reply tokens. Other events are ignored; an empty
 * `events` is the console's verification request.
 */
export function lineEvents(body: unknown): PlatformEvents & { replyTokens: LineReplyToken[] } {
  const events = { ...noEvents(), replyTokens: [] as LineReplyToken[] };
  for (const raw of list(obj(body).events)) {
    const event = obj(raw);
    const userId = text(obj(event.source).userId);
    const message = obj(event.message);
    const id = text(message.id);
    if (event.type !== 'message' || !userId || !id) {
      events.ignored.push(String(event.type));
      continue;
    }
    const parsed = lineMessage(message, { externalMessageId: id, senderId: userId });
    if (!parsed) {
      events.ignored.push(`message:${String(message.type)}`);
      continue;
    }
    const replyTo = text(message.quotedMessageId);
    events.messages.push({
      ...parsed,
      ...(replyTo ? { replyTo } : {}),
      sentAt: timeOf(event.timestamp),
    });
    const replyToken = text(event.replyToken);
    if (replyToken) {
      events.replyTokens.push({ userId, replyToken, receivedAt: timeOf(event.timestamp) });
    }
  }
  return events;
}

function lineMessage(
  message: Record<string, unknown>,
  base: { externalMessageId: string; senderId: string },
): Omit<PlatformMessage, 'sentAt'> | null {
  const type = String(message.type);
  if (type === 'text') return { ...base, text: text(message.text) ?? '' };
  if (type === 'sticker') {
    const keywords = list(message.keywords).map(text).filter(Boolean).slice(0, 3);
    return { ...base, text: `[sticker${keywords.length ? `: ${keywords.join(', ')}` : ''}]` };
  }
  if (type === 'location')
    return { ...base, text: locationText({ ...message, name: message.title }) };
  if (!MEDIA_TYPES.includes(type)) return null;
  // An image sent through another server names that server: never fetched (no SSRF).
  if (obj(message.contentProvider).type === 'external') {
    return { ...base, text: `[${type} on an external server, not fetched]` };
  }
  return {
    ...base,
    text: '',
    media: {
      source: { kind: 'line', messageId: base.externalMessageId },
      kind: type,
      name: text(message.fileName),
    },
  };
}
