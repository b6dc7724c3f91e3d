import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type FileView } from '@hub/contracts';
import { RpcClient, SERVICE_ENV } from '@hub/service-kit';
import {
  FILE_STORAGE,
  newStorageKey,
  sanitizeFileName,
  sniffFileType,
  SNIFF_HEAD_BYTES,
  type FileStorage,
} from '@hub/storage';
import type { ConnectorSocialEnv } from '../connector-social.env';
import type { SocialInbox } from '../inboxes/social-inboxes';
import type { MediaSource, PlatformMessage } from '../inbound/platform-message';
import { allowedHosts, fetchMedia, MediaRefused } from './platform-fetch';

/** A message's file kept, or the note saying why it was not. */
export type KeptMedia = { file: FileView } | { note: string };

type Media = NonNullable<PlatformMessage['media']>;

/**
 * Fetches a message's media from the platform (only from its API base or media hosts, size
 * limited), stores it and registers it with conversation as the customer's own upload, so only
 * their messages show it. A file of a type the hub does not allow is left out with a note.
 */
@Injectable()
export class PlatformMedia {
  private readonly logger = new Logger(PlatformMedia.name);
  private readonly metaHosts: string[];

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorSocialEnv,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly rpc: RpcClient,
  ) {
    this.metaHosts = allowedHosts(env.META_MEDIA_HOSTS, env.META_GRAPH_URL);
  }

  async keep(inbox: SocialInbox, senderId: string, media: Media): Promise<KeptMedia> {
    const name = sanitizeFileName(media.name ?? media.kind);
    let content: Buffer;
    try {
      content = await this.fetch(inbox, media.source);
    } catch (error) {
      if (!(error instanceof MediaRefused)) throw error;
      this.logger.warn({ inboxId: inbox.inboxId, reason: error.message }, 'media not fetched');
      return { note: `[${media.kind} not kept: ${error.message}]` };
    }
    const mimeType = sniffFileType({
      head: content.subarray(0, SNIFF_HEAD_BYTES),
      utf8Text: isUtf8(content) && !content.includes(0),
    });
    if (content.length === 0 || !mimeType) {
      return { note: `[${media.kind} not kept: type not allowed]` };
    }
    const storageKey = newStorageKey(inbox.workspaceId);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.storage.put({
      key: storageKey,
      body: content,
      contentType: mimeType,
      contentLength: content.length,
      sha256,
    });
    const file = await this.rpc.request(SUBJECTS.conversation.registerFile, {
      workspaceId: inbox.workspaceId,
      uploaderKind: 'visitor',
      uploaderId: senderId,
      name,
      size: content.length,
      mimeType,
      storageKey,
      sha256,
    });
    return { file };
  }

  private async fetch(inbox: SocialInbox, source: MediaSource): Promise<Buffer> {
    const maxBytes = this.env.SOCIAL_MAX_MEDIA_BYTES;
    switch (source.kind) {
      case 'url':
        return fetchMedia({ url: source.url, allowed: this.metaHosts, maxBytes });
      case 'whatsapp': {
        const headers = bearer(inbox.secret('accessToken'));
        // The media id names a short-lived URL on Meta's media host.
        const meta = await this.json(`${this.env.META_GRAPH_URL}/${source.mediaId}`, headers);
        return fetchMedia({ url: String(meta.url), allowed: this.metaHosts, maxBytes, headers });
      }
      case 'telegram': {
        const bot = `${this.env.TELEGRAM_API_URL}/bot${secretOf(inbox, 'botToken')}`;
        const file = await this.json(`${bot}/getFile?file_id=${encodeURIComponent(source.fileId)}`);
        const path = String((file.result as Record<string, unknown> | undefined)?.file_path);
        const url = `${this.env.TELEGRAM_API_URL}/file/bot${secretOf(inbox, 'botToken')}/${path}`;
        return fetchMedia({ url, allowed: allowedHosts('', this.env.TELEGRAM_API_URL), maxBytes });
      }
      case 'line':
        return fetchMedia({
          url: `${this.env.LINE_DATA_URL}/v2/bot/message/${encodeURIComponent(source.messageId)}/content`,
          allowed: allowedHosts('', this.env.LINE_DATA_URL),
          maxBytes,
          headers: bearer(inbox.secret('channelAccessToken')),
        });
    }
  }

  /** A small JSON answer of a platform API (media metadata). */
  private async json(
    url: string,
    headers?: Record<string, string>,
  ): Promise<Record<string, unknown>> {
    const body = await fetchMedia({
      url,
      allowed: [new URL(url).host],
      maxBytes: 64 * 1024,
      headers,
    });
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  }
}

function secretOf(inbox: SocialInbox, name: string): string {
  const value = inbox.secret(name);
  if (!value) throw new MediaRefused(`the inbox has no ${name}`);
  return value;
}

function bearer(token: string | undefined): Record<string, string> {
  if (!token) throw new MediaRefused('the inbox has no access token');
  return { Authorization: `Bearer ${token}` };
}
