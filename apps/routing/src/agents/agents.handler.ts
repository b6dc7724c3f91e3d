import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AcceptAgentInvitationRequest,
  AuthenticateAgentRequest,
  ChangeAgentPasswordRequest,
  CreateAgentRequest,
  CreateFirstAdminRequest,
  type CreateAgentReply,
  GetAgentRequest,
  SUBJECTS,
  UpdateAgentRequest,
  WorkspaceScopedRequest,
  type AgentView,
  type UpdateAgentReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { AgentPasswords } from './agent-passwords.use-case';
import { AgentsService } from './agents.service';
import { CreateAgent } from './create-agent.use-case';
import { CreateFirstAdmin } from './create-first-admin.use-case';
import { AuthenticateAgent } from './authenticate-agent.use-case';
import { UpdateAgent } from './update-agent.use-case';

@Controller()
export class AgentsHandler {
  constructor(
    private readonly agents: AgentsService,
    private readonly authenticateAgent: AuthenticateAgent,
    private readonly updateAgent: UpdateAgent,
    private readonly createAgent: CreateAgent,
    private readonly passwords: AgentPasswords,
    private readonly firstAdmin: CreateFirstAdmin,
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

  @RequestPattern(SUBJECTS.routing.createAgent)
  create(@Payload() request: CreateAgentRequest): Promise<CreateAgentReply> {
    return this.createAgent.execute(request);
  }

  @RequestPattern(SUBJECTS.routing.createFirstAdmin)
  createFirstAdmin(@Payload() request: CreateFirstAdminRequest): Promise<AgentView> {
    return this.firstAdmin.execute(request);
  }

  @RequestPattern(SUBJECTS.routing.acceptAgentInvitation)
  acceptInvitation(@Payload() request: AcceptAgentInvitationRequest): Promise<AgentView> {
    return this.passwords.acceptInvitation(request);
  }

  @RequestPattern(SUBJECTS.routing.changeAgentPassword)
  changePassword(@Payload() request: ChangeAgentPasswordRequest): Promise<AgentView> {
    return this.passwords.change(request);
  }

  @RequestPattern(SUBJECTS.routing.listAgents)
  list(@Payload() request: WorkspaceScopedRequest): Promise<AgentView[]> {
    return this.agents.list(request.workspaceId);
  }
}
