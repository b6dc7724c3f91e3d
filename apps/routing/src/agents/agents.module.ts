import { Module } from '@nestjs/common';
import { AgentPasswords } from './agent-passwords.use-case';
import { AgentsHandler } from './agents.handler';
import { AgentsService } from './agents.service';
import { AuthenticateAgent } from './authenticate-agent.use-case';
import { CreateAgent } from './create-agent.use-case';
import { CreateFirstAdmin } from './create-first-admin.use-case';
import { UpdateAgent } from './update-agent.use-case';

@Module({
  controllers: [AgentsHandler],
  providers: [
    AgentsService,
    AuthenticateAgent,
    UpdateAgent,
    CreateAgent,
    AgentPasswords,
    CreateFirstAdmin,
  ],
  exports: [AgentsService],
})
export class AgentsModule {}
