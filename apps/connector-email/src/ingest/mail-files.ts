import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { Inject, Injectable } from '@nestjs/common';
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
import type { ConnectorEmailEnv } from '../connector-email.env';
import type { MailPart } from '../parsing/parse-mail';

/** Whose files these are: the workspace, and the sender (the customer's id on the channel). */
export interface MailOwner {
  workspaceId: string;
  senderAddress: string;
}

/** A file of a mail kept, or the note saying why it was not. */
export type KeptFile = { file: FileView } | { note: string };

/**
 * Stores a mail's files in the file storage and registers them with conversation, as the
 * customer's own (so only their messages may show them). An attachment is kept only when its
 * content is of a type the hub allows (decided from its bytes, as for widget uploads: an
 * executable or a page is refused whatever it is called) and within the size limit; archives
 * are kept as they are, never unpacked, so a zip bomb is only its own size.
 */
@Injectable()
export class MailFiles {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(SERVICE_ENV) private readonly env: ConnectorEmailEnv,
    private readonly rpc: RpcClient,
  ) {}

  async keepAttachment(owner: MailOwner, part: MailPart): Promise<KeptFile> {
    const name = sanitizeFileName(part.fileName);
    if (part.content.length === 0) return { note: `[attachment "${name}" not kept: empty]` };
    if (part.content.length > this.env.EMAIL_MAX_ATTACHMENT_BYTES) {
      return { note: `[attachment "${name}" not kept: over ${this.limitText()}]` };
    }
    const mimeType = sniffFileType({
      head: part.content.subarray(0, SNIFF_HEAD_BYTES),
      utf8Text: isUtf8(part.content) && !part.content.includes(0),
    });
    if (!mimeType) return { note: `[attachment "${name}" not kept: type not allowed]` };
    return { file: await this.store(owner, { name, mimeType, content: part.content }) };
  }

  /** The mail's sanitized HTML body, kept as `message.html` beside its text. */
  keepHtml(owner: MailOwner, html: string): Promise<FileView> {
    return this.store(owner, {
      name: 'message.html',
      mimeType: 'text/html',
      content: Buffer.from(html, 'utf8'),
    });
  }

  private async store(
    owner: MailOwner,
    file: { name: string; mimeType: string; content: Buffer },
  ): Promise<FileView> {
    const storageKey = newStorageKey(owner.workspaceId);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    await this.storage.put({
      key: storageKey,
      body: file.content,
      contentType: file.mimeType,
      contentLength: file.content.length,
      sha256,
    });
    return this.rpc.request(SUBJECTS.conversation.registerFile, {
      workspaceId: owner.workspaceId,
      uploaderKind: 'visitor',
      uploaderId: owner.senderAddress,
      name: file.name,
      size: file.content.length,
      mimeType: file.mimeType,
      storageKey,
      sha256,
    });
  }

  private limitText(): string {
    const bytes = this.env.EMAIL_MAX_ATTACHMENT_BYTES;
    return bytes >= 1024 * 1024
      ? `${Math.floor(bytes / (1024 * 1024))} MB`
      : `${Math.floor(bytes / 1024)} KB`;
  }
}
