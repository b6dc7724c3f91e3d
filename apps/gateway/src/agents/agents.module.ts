import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AgentInvitationsController, AgentsController } from './agents.controller';
import { AgentsService } from './agents.service';

@Module({
  imports: [SessionsModule, WorkspacesModule],
  controllers: [AgentsController, AgentInvitationsController],
  providers: [AgentsService],
  exports: [AgentsService],
})
export class AgentsModule {}
