import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetFileRequest,
  RegisterFileRequest,
  SUBJECTS,
  type FileView,
  type StoredFileView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { FileDirectory } from './file-directory';

@Controller()
export class FilesHandler {
  constructor(private readonly files: FileDirectory) {}

  @RequestPattern(SUBJECTS.conversation.registerFile)
  register(@Payload() request: RegisterFileRequest): Promise<FileView> {
    return this.files.register(request);
  }

  @RequestPattern(SUBJECTS.conversation.getFile)
  get(@Payload() request: GetFileRequest): Promise<StoredFileView> {
    return this.files.get(request.fileId);
  }
}
