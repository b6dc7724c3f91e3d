import { Module } from '@nestjs/common';
import { CreateWorkspace } from './create-workspace.use-case';
import { WorkspaceSettingsController } from './workspace-settings.controller';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesHandler } from './workspaces.handler';
import { WorkspacesService } from './workspaces.service';

@Module({
  controllers: [WorkspacesHandler, WorkspaceSettingsController, WorkspacesController],
  providers: [WorkspacesService, CreateWorkspace],
  exports: [WorkspacesService],
})
export class WorkspacesModule {}
