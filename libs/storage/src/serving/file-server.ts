import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { INLINE_IMAGE_MIME_TYPES, SUBJECTS, type StoredFileView } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import type { Response } from 'express';
import { fileLinkExpired } from '../file.exception';
import { verifyFileSignature } from '../links/file-signature';
import { FileLinks } from '../links/file-links';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { contentDisposition } from '../uploads/file-name';

/** The query of a file link, as received (strings, possibly absent). */
export interface FileLinkQuery {
  expires?: unknown;
  signature?: unknown;
}

/**
 * `GET /files/:fileId?expires&signature` on both edges: the signature is the only authority
 * (whoever holds a fresh link may read the file, as with a bucket's presigned URL), checked
 * before the file is even looked up. The bytes go out with the type decided at upload, never
 * sniffed by the browser, sandboxed, and as a download unless they are a raster image.
 */
@Injectable()
export class FileServer {
  private readonly logger = new Logger(FileServer.name);

  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly links: FileLinks,
    private readonly rpc: RpcClient,
  ) {}

  async serve(fileId: string, query: FileLinkQuery, response: Response): Promise<void> {
    const expires = Number(query.expires);
    const nowSeconds = Math.floor(Date.now() / 1000);
    const valid =
      typeof query.signature === 'string' &&
      verifyFileSignature({
        secret: this.links.signingSecret,
        fileId,
        expires,
        signature: query.signature,
        nowSeconds,
      });
    if (!valid) throw fileLinkExpired();
    const file = await this.rpc.request(SUBJECTS.conversation.getFile, { fileId });
    const body = await this.storage.get(file.storageKey);
    response.set(fileHeaders(file, expires - nowSeconds));
    try {
      await pipeline(body, response);
    } catch (error) {
      // The client went away mid-download, or the store broke off: nothing left to answer.
      this.logger.debug({ err: error, fileId }, 'file download ended early');
    }
  }
}

export function fileHeaders(
  file: StoredFileView,
  remainingSeconds: number,
): Record<string, string> {
  const inline = INLINE_IMAGE_MIME_TYPES.includes(file.mimeType);
  return {
    'Content-Type': file.mimeType,
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    // Shown by the widget on customers' sites: another origin may embed it (helmet says same-origin).
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Cache-Control': `private, max-age=${Math.max(0, remainingSeconds)}`,
  };
}
