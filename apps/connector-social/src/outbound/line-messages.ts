import type { SocialReplyRequested } from '@hub/contracts';
import { mp4DurationMs } from './mp4-duration';
import type { ReplyFile } from './platform-call';

/** A message object of the LINE Messaging API, as sent. */
export type LineMessage =
  | { type: 'text'; text: string }
  | { type: 'image'; originalContentUrl: string; previewImageUrl: string }
  | { type: 'video'; originalContentUrl: string; previewImageUrl: string }
  | { type: 'audio'; originalContentUrl: string; duration: number };

const TEXT_MAX = 5_000;
// LINE's limits for an image message: JPEG or PNG, the preview at most 1 MB. The hub makes no
// thumbnails, so only an image small enough to be its own preview goes as an image.
const IMAGE_TYPES = ['image/jpeg', 'image/png'];
const PREVIEW_MAX_BYTES = 1024 * 1024;

// LINE plays MP4 video and M4A audio, each up to 200 MB.
const PLAYABLE_MAX_BYTES = 200 * 1024 * 1024;

/** A reply's file with the links LINE fetches: the file, and the preview shown for a video. */
export type LineReplyFile = ReplyFile & { link: string; videoPreviewLink: string };

/**
 * A reply as LINE messages, the caption first. LINE takes files only by HTTPS URL (`link`: this
 * connector's signed file link) and sends no documents at all (its `file` type is inbound only).
 * A small JPEG or PNG goes as an image that is its own preview; an MP4 as a video with the hub's
 * play-button preview (no thumbnails are made); an M4A as audio with the length its header
 * gives; any other file as a text with its link.
 */
export function lineMessages(
  reply: Pick<SocialReplyRequested, 'content'>,
  file?: LineReplyFile,
): LineMessage[] {
  const caption = reply.content.slice(0, TEXT_MAX);
  const media = file && mediaMessage(file);
  if (media) return caption ? [{ type: 'text', text: caption }, media] : [media];
  if (!file) return [{ type: 'text', text: caption }];
  const linkLine = `${file.name}: ${file.link}`;
  const shortCaption = reply.content.slice(0, TEXT_MAX - linkLine.length - 1);
  return [{ type: 'text', text: shortCaption ? `${shortCaption}\n${linkLine}` : linkLine }];
}

/** The file as a LINE image, video or audio message, or undefined when LINE cannot play it. */
function mediaMessage(file: LineReplyFile): LineMessage | undefined {
  const size = file.bytes.length;
  if (IMAGE_TYPES.includes(file.mimeType) && size <= PREVIEW_MAX_BYTES) {
    return { type: 'image', originalContentUrl: file.link, previewImageUrl: file.link };
  }
  if (size > PLAYABLE_MAX_BYTES) return undefined;
  if (file.mimeType === 'video/mp4') {
    return { type: 'video', originalContentUrl: file.link, previewImageUrl: file.videoPreviewLink };
  }
  const duration = file.mimeType === 'audio/mp4' ? mp4DurationMs(file.bytes) : undefined;
  return duration ? { type: 'audio', originalContentUrl: file.link, duration } : undefined;
}
