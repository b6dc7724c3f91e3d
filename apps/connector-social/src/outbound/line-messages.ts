import type { SocialReplyRequested } from '@hub/contracts';
import type { ReplyFile } from './platform-call';

/** A message object of the LINE Messaging API, as sent. */
export type LineMessage =
  | { type: 'text'; text: string }
  | { type: 'image'; originalContentUrl: string; previewImageUrl: string };

const TEXT_MAX = 5_000;
// LINE's limits for an image message: JPEG or PNG, the preview at most 1 MB. The hub makes no
// thumbnails, so only an image small enough to be its own preview goes as an image.
const IMAGE_TYPES = ['image/jpeg', 'image/png'];
const PREVIEW_MAX_BYTES = 1024 * 1024;

/**
 * A reply as LINE messages. LINE takes files only by HTTPS URL, and sends no documents at all
 * (its `file` type is inbound only); video needs a preview image and audio its duration, which
 * the hub does not have. So a small JPEG or PNG goes as an image; any other file as a text with
 * its link (`link`: this connector's signed file link).
 */
export function lineMessages(
  reply: Pick<SocialReplyRequested, 'content'>,
  file?: ReplyFile & { link: string },
): LineMessage[] {
  if (!file) return [{ type: 'text', text: reply.content.slice(0, TEXT_MAX) }];
  if (IMAGE_TYPES.includes(file.mimeType) && file.bytes.length <= PREVIEW_MAX_BYTES) {
    const image: LineMessage = {
      type: 'image',
      originalContentUrl: file.link,
      previewImageUrl: file.link,
    };
    return reply.content
      ? [{ type: 'text', text: reply.content.slice(0, TEXT_MAX) }, image]
      : [image];
  }
  const linkLine = `${file.name}: ${file.link}`;
  const caption = reply.content.slice(0, TEXT_MAX - linkLine.length - 1);
  return [{ type: 'text', text: caption ? `${caption}\n${linkLine}` : linkLine }];
}
