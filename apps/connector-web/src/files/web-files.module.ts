import { Module } from '@nestjs/common';
import { VisitorSessionsModule } from '../visitor-sessions/visitor-sessions.module';
import { FilesController } from './files.controller';
import { VisitorUploadLimit } from './visitor-upload-limit';
import { VisitorUploads } from './visitor-uploads';
import { WidgetUploadsController } from './widget-uploads.controller';

/** Visitors' uploads and the file links shown to them (storage itself: @hub/storage). */
@Module({
  imports: [VisitorSessionsModule],
  controllers: [WidgetUploadsController, FilesController],
  providers: [VisitorUploads, VisitorUploadLimit],
})
export class WebFilesModule {}
