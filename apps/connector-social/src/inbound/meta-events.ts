import { Channel } from '@hub/domain';
import type { MetaChannel, SocialDeliveryStatus } from '@hub/contracts';
import {
  list,
  locationText,
  noEvents,
  obj,
  text,
  timeOf,
  type PlatformEvents,
  type PlatformMessage,
  type PlatformStatus,
} from './platform-message';

/** The events of one `entry[]` of a Meta webhook: one platform account, so one inbox. */
export interface MetaEntry {
  channel: MetaChannel;
  accountId: string;
  events: PlatformEvents;
}

const OBJECT_CHANNEL: Record<string, MetaChannel> = {
  page: Channel.Messenger,
  instagram: Channel.Instagram,
  whatsapp_business_account: Channel.WhatsApp,
};

/**
 * A Meta webhook body, by account: Messenger (`object: page`) and Instagram
 * (`entry[].messaging[]`), WhatsApp Cloud API (`entry[].changes[].value`, account
 * `metadata.phone_number_id`). Null for an `object` we do not serve.
 */
export function metaEntries(body: unknown): MetaEntry[] | null {
  const payload = obj(body);
  const channel = OBJECT_CHANNEL[String(payload.object)];
  if (!channel) return null;
  const entries: MetaEntry[] = [];
  for (const raw of list(payload.entry)) {
    const entry = obj(raw);
    if (channel === Channel.WhatsApp) entries.push(...whatsappEntries(entry));
    else {
      const accountId = text(entry.id);
      if (accountId) entries.push({ channel, accountId, events: messagingEvents(channel, entry) });
    }
  }
  return entries;
}

/** Messenger and Instagram `messaging[]`: messages (text, attachments, replies) and reactions. */
function messagingEvents(channel: MetaChannel, entry: Record<string, unknown>): PlatformEvents {
  const events = noEvents();
  for (const raw of list(entry.messaging)) {
    const item = obj(raw);
    const senderId = text(obj(item.sender).id);
    const sentAt = timeOf(item.timestamp);
    const message = obj(item.message);
    const reaction = obj(item.reaction);
    if (senderId && text(message.mid) && !message.is_echo) {
      events.messages.push(...messengerMessage(channel, senderId, message, sentAt));
    } else if (senderId && text(reaction.mid)) {
      events.messages.push(reactionMessage(senderId, reaction, sentAt));
    } else if (senderId && (item.delivery !== undefined || item.read !== undefined)) {
      events.statuses.push(...receipts(senderId, item));
    } else {
      events.ignored.push(Object.keys(item).find((k) => !BASE_FIELDS.has(k)) ?? 'unknown');
    }
  }
  return events;
}

const BASE_FIELDS = new Set(['sender', 'recipient', 'timestamp']);

/**
 * Messenger's `delivery` (`watermark`, else `mids`) and `read` (`watermark`) receipts, and
 * Instagram's `read` (`mid`, the message read): the customer is the sender of the receipt.
 */
function receipts(senderId: string, item: Record<string, unknown>): PlatformStatus[] {
  const delivered = item.delivery !== undefined;
  const receipt = obj(delivered ? item.delivery : item.read);
  const status = delivered ? 'delivered' : 'read';
  if (receipt.watermark !== undefined) {
    return [{ status, watermark: { recipientId: senderId, upTo: timeOf(receipt.watermark) } }];
  }
  const mids = [...list(receipt.mids), receipt.mid].map(text).filter((mid) => mid !== undefined);
  return mids.map((channelMessageId) => ({ status, channelMessageId }));
}

function messengerMessage(
  channel: MetaChannel,
  senderId: string,
  message: Record<string, unknown>,
  sentAt: Date,
): PlatformMessage[] {
  const mid = String(message.mid);
  const replyTo = text(obj(message.reply_to).mid);
  const base = { senderId, sentAt, ...(replyTo ? { replyTo } : {}) };
  const out: PlatformMessage[] = [];
  const body = [storyReplyLine(message), text(message.text)].filter(Boolean).join('\n');
  if (body) out.push({ ...base, externalMessageId: mid, text: body });
  list(message.attachments).forEach((raw, index) => {
    const attachment = obj(raw);
    const payload = obj(attachment.payload);
    const kind = text(attachment.type) ?? 'file';
    // A message of several parts keeps the platform's id on its first; the others add #n.
    const externalMessageId = out.length === 0 ? mid : `${mid}#${index + 1}`;
    const coordinates = obj(payload.coordinates);
    if (kind === 'location' && coordinates.lat !== undefined) {
      const place = { latitude: coordinates.lat, longitude: coordinates.long };
      out.push({ ...base, externalMessageId, text: locationText(place) });
      return;
    }
    const url = text(payload.url);
    if (channel === Channel.Instagram) {
      out.push({ ...base, externalMessageId, text: instagramMediaLine(kind, url) });
      return;
    }
    out.push({
      ...base,
      externalMessageId,
      text: '',
      ...(url ? { media: { source: { kind: 'url', url }, kind } } : {}),
    });
  });
  return out;
}

/**
 * Instagram's media (a story mention, a shared post or reel, an image) is named by a
 * privacy-aware CDN URL that stops working when the customer deletes it or the story expires.
 * Meta's terms forbid downloading or keeping that content, so only the URL is stored, as a link
 * the agent's browser opens.
 */
function instagramMediaLine(kind: string, url: string | undefined): string {
  const label =
    kind === 'story_mention' ? '📣 Mentioned you in their story' : `🖼 Instagram ${kind}`;
  return url ? `${label}: ${url}` : `${label} (no longer available)`;
}

/** An Instagram reply to a story names the story (`reply_to.story`), not one of our messages. */
function storyReplyLine(message: Record<string, unknown>): string | undefined {
  const story = obj(obj(message.reply_to).story);
  if (story.id === undefined && story.url === undefined) return undefined;
  const url = text(story.url);
  return url ? `↩ Replied to your story: ${url}` : '↩ Replied to your story';
}

function reactionMessage(
  senderId: string,
  reaction: Record<string, unknown>,
  sentAt: Date,
): PlatformMessage {
  const action = text(reaction.action) ?? 'react';
  const emoji = text(reaction.emoji) ?? text(reaction.reaction) ?? '';
  return {
    senderId,
    sentAt,
    // A reaction has no id of its own: the message, the action and the emoji make one.
    externalMessageId: `${String(reaction.mid)}:${action}:${emoji}`,
    text: action === 'unreact' ? `(removed reaction ${emoji})` : emoji,
  };
}

/** WhatsApp `changes[].value`: messages of every type and statuses of our replies. */
function whatsappEntries(entry: Record<string, unknown>): MetaEntry[] {
  const entries: MetaEntry[] = [];
  for (const rawChange of list(entry.changes)) {
    const change = obj(rawChange);
    const value = obj(change.value);
    const accountId = text(obj(value.metadata).phone_number_id);
    if (!accountId) continue;
    const events = noEvents();
    if (change.field !== 'messages') events.ignored.push(String(change.field));
    const names = new Map(
      list(value.contacts).map((c) => [text(obj(c).wa_id), text(obj(obj(c).profile).name)]),
    );
    for (const raw of list(value.messages)) {
      const message = whatsappMessage(obj(raw), names);
      if ('ignored' in message) events.ignored.push(message.ignored);
      else events.messages.push(message);
    }
    for (const raw of list(value.statuses)) {
      const status = obj(raw);
      const id = text(status.id);
      const state = text(status.status);
      if (!id || !isStatus(state)) {
        events.ignored.push(`status:${state}`);
        continue;
      }
      const error = obj(list(status.errors)[0]);
      const reason = [text(error.title), text(obj(error.error_data).details) ?? text(error.message)]
        .filter(Boolean)
        .join(': ');
      events.statuses.push({ channelMessageId: id, status: state, ...(reason ? { reason } : {}) });
    }
    entries.push({ channel: Channel.WhatsApp, accountId, events });
  }
  return entries;
}

const MEDIA_TYPES = ['image', 'document', 'audio', 'video', 'sticker'];

function whatsappMessage(
  message: Record<string, unknown>,
  names: Map<string | undefined, string | undefined>,
): PlatformMessage | { ignored: string } {
  const type = text(message.type) ?? 'unknown';
  const from = text(message.from);
  const id = text(message.id);
  if (!from || !id) return { ignored: type };
  const name = names.get(from);
  const replyTo = text(obj(message.context).id);
  const base = {
    externalMessageId: id,
    ...(replyTo ? { replyTo } : {}),
    senderId: from,
    senderPhone: `+${from}`,
    ...(name ? { senderName: name } : {}),
    sentAt: timeOf(message.timestamp),
  };
  const part = obj(message[type]);
  if (type === 'text') return { ...base, text: text(part.body) ?? '' };
  if (type === 'location') return { ...base, text: locationText(part) };
  if (type === 'reaction') {
    const emoji = text(part.emoji);
    return { ...base, text: emoji ?? '(removed reaction)' };
  }
  const mediaId = text(part.id);
  if (MEDIA_TYPES.includes(type) && mediaId) {
    return {
      ...base,
      text: text(part.caption) ?? '',
      media: { source: { kind: 'whatsapp', mediaId }, kind: type, name: text(part.filename) },
    };
  }
  return { ignored: type };
}

function isStatus(value: string | undefined): value is SocialDeliveryStatus {
  return value === 'sent' || value === 'delivered' || value === 'read' || value === 'failed';
}
