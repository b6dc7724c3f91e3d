import { createReadStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  SUBJECTS,
  type FileUploaderKind,
  type FileView,
  type RegisterFileRequest,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { fileTypeNotAllowed } from '../file.exception';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { newStorageKey } from '../storage/storage-key';
import { receiveUpload } from './receive-upload';
import { sniffFileType } from './sniff-file-type';

/** The hub's ceiling on any upload, whatever an inbox's settings say. */
export const HARD_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** An inbox without `settings.widget.uploads.maxBytes` (and every agent upload). */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadInput {
  request: IncomingMessage;
  workspaceId: string;
  uploader: { kind: FileUploaderKind; id: string };
  maxBytes: number;
}

/**
 * An upload from either edge: received as a stream into a temporary file, its type decided
 * by its content, its bytes put in the file storage, then registered with conversation (which
 * owns attachments) to get its id. Nothing is registered for bytes that were not stored, and
 * bytes whose registration failed are removed.
 */
@Injectable()
export class FileUploads {
  private readonly logger = new Logger(FileUploads.name);

  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly rpc: RpcClient,
  ) {}

  async upload({ request, workspaceId, uploader, maxBytes }: UploadInput): Promise<FileView> {
    const received = await receiveUpload(request, {
      maxBytes: Math.min(maxBytes, HARD_MAX_UPLOAD_BYTES),
    });
    try {
      const mimeType = sniffFileType(received.sniff);
      if (!mimeType) throw fileTypeNotAllowed();
      const storageKey = newStorageKey(workspaceId);
      await this.storage.put({
        key: storageKey,
        body: createReadStream(received.tempPath),
        contentType: mimeType,
        contentLength: received.size,
        sha256: received.sha256,
      });
      const registration: RegisterFileRequest = {
        workspaceId,
        uploaderKind: uploader.kind,
        uploaderId: uploader.id,
        name: received.name,
        size: received.size,
        mimeType,
        storageKey,
        sha256: received.sha256,
      };
      return await this.register(registration);
    } finally {
      await received.discard();
    }
  }

  private async register(registration: RegisterFileRequest): Promise<FileView> {
    try {
      return await this.rpc.request(SUBJECTS.conversation.registerFile, registration);
    } catch (error) {
      await this.storage
        .delete(registration.storageKey)
        .catch((cleanup: unknown) =>
          this.logger.warn(
            { err: cleanup, storageKey: registration.storageKey },
            'unregistered upload not removed',
          ),
        );
      throw error;
    }
  }
}
