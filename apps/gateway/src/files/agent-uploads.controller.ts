import { HttpCode, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { FileLinks, FileUploads, DEFAULT_MAX_UPLOAD_BYTES } from '@hub/storage';
import type { Request } from 'express';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { UploadedFileSchema } from './uploaded-file.schema';

@ApiController('uploads', 'files')
export class AgentUploadsController {
  constructor(
    private readonly uploads: FileUploads,
    private readonly links: FileLinks,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Upload a file to attach to a reply (multipart/form-data, field "file")',
    description:
      'The type is decided by the content: images (png, jpeg, gif, webp), PDF, plain text, ' +
      'docx/xlsx/pptx, zip, mp3, mp4. At most 10 MiB. Send the returned fileId with a message.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({ type: UploadedFileSchema })
  @ApiErrors(
    { status: 413, description: 'FILE_TOO_LARGE' },
    { status: 415, description: 'FILE_TYPE_NOT_ALLOWED: the content is not an allowed type' },
  )
  async upload(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Req() request: Request,
  ): Promise<UploadedFileSchema> {
    const file = await this.uploads.upload({
      request,
      workspaceId: agent.workspaceId,
      uploader: { kind: 'agent', id: agent.agentId },
      maxBytes: DEFAULT_MAX_UPLOAD_BYTES,
    });
    const origin = this.links.originFor({ host: request.headers.host, secure: request.secure });
    return {
      fileId: file.id,
      name: file.name,
      size: file.size,
      mimeType: file.mimeType,
      url: this.links.signFileUrl({ fileId: file.id, origin }),
    };
  }
}
