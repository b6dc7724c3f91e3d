import type { SocialDeliveryStatus } from '@hub/contracts';

/** Where a message's file is: fetched only through the platform's own API or media host. */
export type MediaSource =
  /** Messenger and Instagram: the attachment's URL, fetched only if on META_MEDIA_HOSTS. */
  | { kind: 'url'; url: string }
  | { kind: 'whatsapp'; mediaId: string }
  | { kind: 'telegram'; fileId: string }
  | { kind: 'line'; messageId: string };

/** A customer's message as any platform says it, before it becomes `inbound.<channel>`. */
export interface PlatformMessage {
  /** The platform's id, unique in the inbox: the de-duplication key, also days later. */
  externalMessageId: string;
  senderId: string;
  senderName?: string;
  senderPhone?: string;
  text: string;
  media?: { source: MediaSource; kind: string; name?: string };
  /** The platform's id of the message this one answers (the customer quoted or replied to it). */
  replyTo?: string;
  sentAt: Date;
}

/**
 * What a platform said became of one of our replies, or (Messenger's watermarks) of every reply
 * to a customer sent before a time.
 */
export type PlatformStatus = { status: SocialDeliveryStatus; reason?: string } & (
  { channelMessageId: string } | { watermark: { recipientId: string; upTo: Date } }
);

/** What one webhook call carried for one inbox. */
export interface PlatformEvents {
  messages: PlatformMessage[];
  statuses: PlatformStatus[];
  /** Event types not handled (logged, answered 200). */
  ignored: string[];
}

export function noEvents(): PlatformEvents {
  return { messages: [], statuses: [], ignored: [] };
}

type Json = Record<string, unknown>;

/** `value` as an object, or an empty one: platform payloads are read defensively. */
export function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string or number field as text; undefined when absent or of another type. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A Unix time in seconds or milliseconds (Meta uses both), else now. */
export function timeOf(value: unknown): Date {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return new Date();
  return new Date(n < 1e12 ? n * 1000 : n);
}

/** A shared location as text: its name and address, and a map link. */
export function locationText(place: Json): string {
  const lat = Number(place.latitude);
  const lng = Number(place.longitude);
  const label = [text(place.name), text(place.address)].filter(Boolean).join(', ');
  const where = Number.isFinite(lat) && Number.isFinite(lng) ? `${lat},${lng}` : 'unknown';
  const link = where === 'unknown' ? '' : ` https://maps.google.com/?q=${where}`;
  return `📍 ${label ? `${label} ` : ''}(${where})${link}`;
}

// Surrogates without their pair (NUL is removed apart: a control character in a pattern is
// refused by lint).
const UNPAIRED_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `value` cut to `max` characters and made storable (no NUL, no unpaired surrogate, also
 * where the cut fell), so a platform's odd text never fails the consumer after the 200.
 */
export function storable(value: string, max: number): string {
  return value.slice(0, max).replaceAll('\u0000', '').replace(UNPAIRED_SURROGATE, '');
}
