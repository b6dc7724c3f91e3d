import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AuthenticateAgentRequest,
  GetAgentRequest,
  SUBJECTS,
  UpdateAgentRequest,
  WorkspaceScopedRequest,
  type AgentView,
  type UpdateAgentReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { AgentsService } from './agents.service';
import { AuthenticateAgent } from './authenticate-agent.use-case';
import { UpdateAgent } from './update-agent.use-case';

@Controller()
export class AgentsHandler {
  constructor(
    private readonly agents: AgentsService,
    private readonly authenticateAgent: AuthenticateAgent,
    private readonly updateAgent: UpdateAgent,
  ) {}

  @RequestPattern(SUBJECTS.routing.authenticateAgent)
  authenticate(@Payload() request: AuthenticateAgentRequest): Promise<AgentView> {
    return this.authenticateAgent.execute(request);
  }

  @RequestPattern(SUBJECTS.routing.getAgent)
  get(@Payload() request: GetAgentRequest): Promise<AgentView> {
    return this.agents.get(request.workspaceId, request.agentId);
  }

  @RequestPattern(SUBJECTS.routing.updateAgent)
  update(@Payload() request: UpdateAgentRequest): Promise<UpdateAgentReply> {
    return this.updateAgent.execute(request);
  }

  @RequestPattern(SUBJECTS.routing.listAgents)
  list(@Payload() request: WorkspaceScopedRequest): Promise<AgentView[]> {
    return this.agents.list(request.workspaceId);
  }
}
