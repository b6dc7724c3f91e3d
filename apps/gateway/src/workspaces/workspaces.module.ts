import { Module } from '@nestjs/common';
import { WorkspacesHandler } from './workspaces.handler';
import { WorkspacesService } from './workspaces.service';

@Module({
  controllers: [WorkspacesHandler],
  providers: [WorkspacesService],
  exports: [WorkspacesService],
})
export class WorkspacesModule {}
