import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetFileRequest,
  GetUploadLimitRequest,
  RegisterFileRequest,
  SUBJECTS,
  type FileView,
  type StoredFileView,
  type UploadLimitReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { FileDirectory } from './file-directory';
import { UploadLimits } from './upload-limits';

@Controller()
export class FilesHandler {
  constructor(
    private readonly files: FileDirectory,
    private readonly limits: UploadLimits,
  ) {}

  @RequestPattern(SUBJECTS.conversation.registerFile)
  register(@Payload() request: RegisterFileRequest): Promise<FileView> {
    return this.files.register(request);
  }

  @RequestPattern(SUBJECTS.conversation.getFile)
  get(@Payload() request: GetFileRequest): Promise<StoredFileView> {
    return this.files.get(request.fileId);
  }

  @RequestPattern(SUBJECTS.conversation.getUploadLimit)
  uploadLimit(@Payload() request: GetUploadLimitRequest): Promise<UploadLimitReply> {
    return this.limits.ofInbox(request);
  }
}
