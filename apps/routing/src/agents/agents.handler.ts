import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuthenticateAgentRequest,
  GetAgentRequest,
  SUBJECTS,
  WorkspaceScopedRequest,
  type AgentView,
} from '@hub/contracts';
import { AgentsService } from './agents.service';
import { AuthenticateAgent } from './authenticate-agent.use-case';

@Controller()
export class AgentsHandler {
  constructor(
    private readonly agents: AgentsService,
    private readonly authenticateAgent: AuthenticateAgent,
  ) {}

  @MessagePattern(SUBJECTS.routing.authenticateAgent)
  authenticate(@Payload() request: AuthenticateAgentRequest): Promise<AgentView> {
    return this.authenticateAgent.execute(request);
  }

  @MessagePattern(SUBJECTS.routing.getAgent)
  get(@Payload() request: GetAgentRequest): Promise<AgentView> {
    return this.agents.get(request.workspaceId, request.agentId);
  }

  @MessagePattern(SUBJECTS.routing.listAgents)
  list(@Payload() request: WorkspaceScopedRequest): Promise<AgentView[]> {
    return this.agents.list(request.workspaceId);
  }
}
