import type { Request } from 'express';
import { Injectable } from '@nestjs/common';
import { SUBJECTS, type FileView } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { DEFAULT_MAX_UPLOAD_BYTES, FileLinks, FileUploads } from '@hub/storage';
import { VisitorSessionError } from '../visitor-sessions/visitor-session.exception';
import { VisitorSessionsService } from '../visitor-sessions/visitor-sessions.service';
import { VisitorUploadLimit } from './visitor-upload-limit';

/** What an upload answers: the file's id to send with `message.send`, and a link to show it. */
export interface UploadedFileView {
  fileId: string;
  name: string;
  size: number;
  mimeType: string;
  url: string;
}

/**
 * A visitor's upload: the token names the visitor (and so the workspace and inbox), the
 * visitor's upload rate is charged, and the inbox's size limit applies while reading.
 */
@Injectable()
export class VisitorUploads {
  constructor(
    private readonly sessions: VisitorSessionsService,
    private readonly limit: VisitorUploadLimit,
    private readonly uploads: FileUploads,
    private readonly links: FileLinks,
    private readonly rpc: RpcClient,
  ) {}

  async upload(request: Request): Promise<UploadedFileView> {
    const token = /^Bearer (\S{1,200})$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw VisitorSessionError.invalidToken();
    const visitor = await this.sessions.authenticate(token);
    await this.limit.admit(visitor.visitorId);
    const { maxBytes } = await this.rpc.request(SUBJECTS.conversation.getUploadLimit, {
      workspaceId: visitor.workspaceId,
      inboxId: visitor.inboxId,
    });
    const file = await this.uploads.upload({
      request,
      workspaceId: visitor.workspaceId,
      uploader: { kind: 'visitor', id: visitor.visitorId },
      maxBytes: maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    });
    return uploadedFileView(
      file,
      this.links.signFileUrl({
        fileId: file.id,
        origin: this.links.originFor({ host: request.headers.host, secure: request.secure }),
      }),
    );
  }
}

export function uploadedFileView(file: FileView, url: string): UploadedFileView {
  return { fileId: file.id, name: file.name, size: file.size, mimeType: file.mimeType, url };
}
