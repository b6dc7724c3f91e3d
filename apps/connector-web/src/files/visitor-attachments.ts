import { Injectable } from '@nestjs/common';
import { SUBJECTS, type FileView } from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';
import type { VisitorIdentity } from '../visitor-sessions/visitor-sessions.service';

/**
 * The file a visitor attaches to `message.send`: it must be their own upload. Checked here so
 * the visitor hears at once (conversation checks again when it stores the message).
 */
@Injectable()
export class VisitorAttachments {
  constructor(private readonly rpc: RpcClient) {}

  async ownFile(visitor: VisitorIdentity, fileId: string): Promise<FileView> {
    let file: FileView | undefined;
    try {
      file = await this.rpc.request(SUBJECTS.conversation.getFile, { fileId });
    } catch (error) {
      if (!(error instanceof DomainException && error.code === 'FILE_NOT_FOUND')) throw error;
    }
    const own =
      file?.workspaceId === visitor.workspaceId &&
      file.uploaderKind === 'visitor' &&
      file.uploaderId === visitor.visitorId;
    if (!file || !own) {
      // The same answer for a stranger's file and for none: ids reveal nothing.
      throw new DomainException('VALIDATION_FAILED', 'This file cannot be attached', [
        { field: 'fileId', message: 'fileId must be a file you uploaded' },
      ]);
    }
    return file;
  }
}
