import { Module } from '@nestjs/common';
import { AgentsHandler } from './agents.handler';
import { AgentsService } from './agents.service';
import { AuthenticateAgent } from './authenticate-agent.use-case';
import { UpdateAgent } from './update-agent.use-case';

@Module({
  controllers: [AgentsHandler],
  providers: [AgentsService, AuthenticateAgent, UpdateAgent],
  exports: [AgentsService],
})
export class AgentsModule {}
