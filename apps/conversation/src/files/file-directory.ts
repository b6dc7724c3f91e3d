import { Injectable } from '@nestjs/common';
import type {
  FileUploaderKind,
  FileView,
  RegisterFileRequest,
  StoredFileView,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { FileError } from './file.exception';
import { StoredFile } from './stored-file.entity';

/** Who sends the message a file is to be attached to. */
export type Attacher = { kind: 'visitor'; visitorId: string } | { kind: 'agent' };

/**
 * The records of uploaded files: registered by the edges once the bytes are stored, read by
 * the edges serving a signed link, and checked when a message is to carry one.
 */
@Injectable()
export class FileDirectory {
  constructor(private readonly database: Database) {}

  async register(request: RegisterFileRequest): Promise<FileView> {
    const manager = this.database.dataSource.manager;
    const file = await manager.save(manager.create(StoredFile, request));
    return toFileView(file);
  }

  async get(fileId: string): Promise<StoredFileView> {
    const file = await this.database.dataSource.manager.findOneBy(StoredFile, { id: fileId });
    if (!file) throw FileError.notFound();
    return { ...toFileView(file), storageKey: file.storageKey };
  }

  /**
   * The file, when `attacher` may put it on a message of `workspaceId`: a visitor only their own
   * upload, an agent any agent's upload of the workspace. VALIDATION_FAILED (fileId) otherwise,
   * the same answer whether the file is someone else's or does not exist.
   */
  async attachable(
    tx: EntityManager,
    { workspaceId, fileId, attacher }: { workspaceId: string; fileId: string; attacher: Attacher },
  ): Promise<StoredFile> {
    const file = await tx.findOneBy(StoredFile, { id: fileId, workspaceId });
    const uploaderKind: FileUploaderKind = attacher.kind;
    const mine =
      file?.uploaderKind === uploaderKind &&
      (attacher.kind === 'agent' || file.uploaderId === attacher.visitorId);
    if (!file || !mine) throw FileError.notAttachable();
    return file;
  }
}

function toFileView(file: StoredFile): FileView {
  return {
    id: file.id,
    workspaceId: file.workspaceId,
    uploaderKind: file.uploaderKind,
    uploaderId: file.uploaderId,
    name: file.name,
    size: file.size,
    mimeType: file.mimeType,
    sha256: file.sha256,
    createdAt: file.createdAt.toISOString(),
  };
}
