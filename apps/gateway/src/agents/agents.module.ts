import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { AgentInvitationsController, AgentsController } from './agents.controller';
import { AgentsService } from './agents.service';

@Module({
  imports: [SessionsModule],
  controllers: [AgentsController, AgentInvitationsController],
  providers: [AgentsService],
  exports: [AgentsService],
})
export class AgentsModule {}
