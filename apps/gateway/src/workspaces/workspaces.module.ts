import { Module } from '@nestjs/common';
import { WorkspaceSettingsController } from './workspace-settings.controller';
import { WorkspacesHandler } from './workspaces.handler';
import { WorkspacesService } from './workspaces.service';

@Module({
  controllers: [WorkspacesHandler, WorkspaceSettingsController],
  providers: [WorkspacesService],
  exports: [WorkspacesService],
})
export class WorkspacesModule {}
