import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { VisitorUploads, type UploadedFileView } from './visitor-uploads';

@Controller('api/v1/widget/uploads')
export class WidgetUploadsController {
  constructor(private readonly uploads: VisitorUploads) {}

  /** multipart/form-data, field `file`; `Authorization: Bearer <visitor token>`. */
  @Post()
  @HttpCode(201)
  upload(@Req() request: Request): Promise<UploadedFileView> {
    return this.uploads.upload(request);
  }
}
