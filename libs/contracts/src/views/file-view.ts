import { ContentType } from '@hub/domain';

/** Who uploaded a file: a visitor (connector-web) or an agent (gateway). */
export const FILE_UPLOADER_KINDS = ['visitor', 'agent'] as const;
export type FileUploaderKind = (typeof FILE_UPLOADER_KINDS)[number];

/** A stored file's record, as conversation keeps it (the bytes are in the edges' file storage). */
export interface FileView {
  id: string;
  workspaceId: string;
  uploaderKind: FileUploaderKind;
  /** The visitor id (visitor uploads) or the agent id (agent uploads). */
  uploaderId: string;
  /** The name the uploader gave, as text (never a path). */
  name: string;
  size: number;
  /** Decided from the content by the edge that received it, never from the name. */
  mimeType: string;
  sha256: string;
  createdAt: string;
}

/** A file record with where its bytes are: for the edges that serve it, never for clients. */
export interface StoredFileView extends FileView {
  storageKey: string;
}

/**
 * A message's attached file. `url` is a short-lived signed link added by the edge that shows
 * the message (connector-web to visitors, gateway to agents); between services it is absent.
 */
export interface MessageAttachmentView {
  fileId: string;
  name: string;
  size: number;
  mimeType: string;
  url?: string;
}

/** Raster images a browser shows inline; every other allowed type is a download. */
export const INLINE_IMAGE_MIME_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];

/** The content type of a message carrying a file of `mimeType`: `image` shown inline, else `file`. */
export function attachmentContentType(mimeType: string): ContentType {
  return INLINE_IMAGE_MIME_TYPES.includes(mimeType) ? ContentType.Image : ContentType.File;
}
