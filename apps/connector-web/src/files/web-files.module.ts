import { Module } from '@nestjs/common';
import { FileLinksController } from '@hub/storage';
import { VisitorSessionsModule } from '../visitor-sessions/visitor-sessions.module';
import { VisitorUploadLimit } from './visitor-upload-limit';
import { VisitorUploads } from './visitor-uploads';
import { WidgetUploadsController } from './widget-uploads.controller';

/** Visitors' uploads and the file links shown to them (storage itself: @hub/storage). */
@Module({
  imports: [VisitorSessionsModule],
  controllers: [WidgetUploadsController, FileLinksController],
  providers: [VisitorUploads, VisitorUploadLimit],
})
export class WebFilesModule {}
