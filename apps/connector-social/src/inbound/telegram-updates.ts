import {
  list,
  noEvents,
  obj,
  text,
  timeOf,
  type PlatformEvents,
  type PlatformMessage,
} from './platform-message';

const EDIT_MARK = '✎ ';

/**
 * A Telegram `Update`: `message` and `edited_message` (text, photo at its largest size,
 * document, with captions). An edit becomes a new message marked ✎ with the new text: the
 * transcript keeps what the customer first wrote, as agents read it. Other updates are ignored.
 */
export function telegramEvents(body: unknown): PlatformEvents {
  const update = obj(body);
  const events = noEvents();
  const edited = update.edited_message !== undefined;
  const message = obj(edited ? update.edited_message : update.message);
  const chatId = text(obj(message.chat).id);
  const messageId = text(message.message_id);
  if (!chatId || !messageId) {
    events.ignored.push(Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown');
    return events;
  }
  const from = obj(message.from);
  const name = [text(from.first_name), text(from.last_name)].filter(Boolean).join(' ');
  const caption = text(message.text) ?? text(message.caption) ?? '';
  const repliedId = text(obj(message.reply_to_message).message_id);
  const parsed: PlatformMessage = {
    // message_id is unique per chat; an edit is told apart by its edit time.
    externalMessageId: edited
      ? `${chatId}:${messageId}:edit:${text(message.edit_date) ?? Date.now()}`
      : `${chatId}:${messageId}`,
    senderId: chatId,
    ...(name ? { senderName: name } : {}),
    text: edited ? `${EDIT_MARK}${caption}` : caption,
    // Ids are per chat, as ours are stored: `<chat>:<message_id>`.
    ...(repliedId ? { replyTo: `${chatId}:${repliedId}` } : {}),
    sentAt: timeOf(message.edit_date ?? message.date),
    ...mediaOf(message),
  };
  if (!parsed.media && caption === '') {
    events.ignored.push('message without text, photo or document');
    return events;
  }
  events.messages.push(parsed);
  return events;
}

function mediaOf(message: Record<string, unknown>): Pick<PlatformMessage, 'media'> {
  const photos = list(message.photo).map(obj);
  if (photos.length > 0) {
    // Telegram sends every size; the largest is the last, but the area decides.
    const largest = photos.reduce((best, photo) =>
      Number(photo.width) * Number(photo.height) > Number(best.width) * Number(best.height)
        ? photo
        : best,
    );
    const fileId = text(largest.file_id);
    if (fileId) return { media: { source: { kind: 'telegram', fileId }, kind: 'image' } };
  }
  const document = obj(message.document);
  const fileId = text(document.file_id);
  if (fileId) {
    return {
      media: {
        source: { kind: 'telegram', fileId },
        kind: 'document',
        name: text(document.file_name),
      },
    };
  }
  return {};
}
