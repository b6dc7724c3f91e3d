import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MessageAttachmentView, MessageView } from '@hub/contracts';
import { SERVICE_ENV } from '@hub/service-kit';
import type { StorageEnv } from '../storage-env';
import { fileSignature } from './file-signature';

/** How long a file link works: long enough to open, short enough that a leaked one soon dies. */
export const FILE_LINK_TTL_SECONDS = 15 * 60;

// Outside production, with no secret configured (a test bed, a laptop without the launcher).
const DEV_SIGNING_SECRET = 'hub development file links, not for production use';

/**
 * Signs file links: `<origin>/files/<fileId>?expires=<unix s>&signature=<hex>`. The origin is
 * the serving edge's public one (PUBLIC_URL), else the one the client reached it by.
 */
@Injectable()
export class FileLinks {
  private readonly logger = new Logger(FileLinks.name);
  private readonly secret: string;
  private readonly publicUrl: string | undefined;

  constructor(@Inject(SERVICE_ENV) env: StorageEnv) {
    this.secret = env.FILES_SIGNING_SECRET ?? DEV_SIGNING_SECRET;
    if (!env.FILES_SIGNING_SECRET)
      this.logger.warn('FILES_SIGNING_SECRET is not set: file links use a development secret');
    this.publicUrl = env.PUBLIC_URL?.replace(/\/$/, '');
  }

  get signingSecret(): string {
    return this.secret;
  }

  /** The origin links are made for: PUBLIC_URL, else `http(s)://<host>` the client used. */
  originFor(request: { host?: string; secure?: boolean }): string {
    if (this.publicUrl) return this.publicUrl;
    return `${request.secure ? 'https' : 'http'}://${request.host ?? 'localhost'}`;
  }

  signFileUrl({
    fileId,
    origin,
    expiresInSeconds = FILE_LINK_TTL_SECONDS,
    nowSeconds = Math.floor(Date.now() / 1000),
  }: {
    fileId: string;
    origin: string;
    expiresInSeconds?: number;
    nowSeconds?: number;
  }): string {
    const expires = nowSeconds + expiresInSeconds;
    const signature = fileSignature({ secret: this.secret, fileId, expires });
    return `${origin}/files/${encodeURIComponent(fileId)}?expires=${expires}&signature=${signature}`;
  }

  /**
   * The one place attachments get their links: `value` (a frame, a message, a list of them)
   * with each `attachment` of the messages in it signed for `origin`, fresh every time it is
   * sent. Values without attachments pass unchanged (the same object).
   */
  withAttachmentUrls<T extends object>(value: T, origin: string): T {
    const sign = (message: MessageView): MessageView =>
      message.attachment
        ? { ...message, attachment: this.signed(message.attachment, origin) }
        : message;
    if (Array.isArray(value)) return value.map((item: unknown) => signAny(item, sign)) as T;
    return signAny(value, sign) as T;
  }

  private signed(attachment: MessageAttachmentView, origin: string): MessageAttachmentView {
    return { ...attachment, url: this.signFileUrl({ fileId: attachment.fileId, origin }) };
  }
}

/** A message view itself, or a frame holding `message` / `messages`. */
function signAny(value: unknown, sign: (message: MessageView) => MessageView): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if ('attachment' in record && 'seq' in record) return sign(record as unknown as MessageView);
  if (hasAttachment(record.message))
    return { ...record, message: sign(record.message as MessageView) };
  if (Array.isArray(record.messages) && record.messages.some(hasAttachment))
    return { ...record, messages: (record.messages as MessageView[]).map(sign) };
  return value;
}

function isMessage(value: unknown): value is MessageView {
  return typeof value === 'object' && value !== null && 'seq' in value && 'conversationId' in value;
}

function hasAttachment(value: unknown): boolean {
  return isMessage(value) && value.attachment !== undefined;
}
