import { Module } from '@nestjs/common';
import { AgentUploadsController } from './agent-uploads.controller';
import { FilesController } from './files.controller';

/** Agents' uploads and file links (storage itself: @hub/storage). */
@Module({ controllers: [AgentUploadsController, FilesController] })
export class GatewayFilesModule {}
