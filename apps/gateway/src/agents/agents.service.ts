import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type AgentView,
  type GetAgentRequest,
  type SetAgentPresenceRequest,
  type WorkspaceScopedRequest,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import type { SetPresenceBody } from './dto/presence.dto';

/** Agents of the caller's workspace and the caller's own presence, from routing. */
@Injectable()
export class AgentsService {
  constructor(private readonly rpc: RpcClient) {}

  async list(agent: AuthenticatedAgent): Promise<AgentView[]> {
    const request: WorkspaceScopedRequest = { workspaceId: agent.workspaceId };
    const agents = await this.rpc.request(SUBJECTS.routing.listAgents, request);
    return agents.filter((view) => view.workspaceId === agent.workspaceId);
  }

  me(agent: AuthenticatedAgent): Promise<AgentView> {
    const request: GetAgentRequest = { workspaceId: agent.workspaceId, agentId: agent.agentId };
    return this.rpc.request(SUBJECTS.routing.getAgent, request);
  }

  setPresence(agent: AuthenticatedAgent, body: SetPresenceBody): Promise<AgentView> {
    const request: SetAgentPresenceRequest = {
      workspaceId: agent.workspaceId,
      agentId: agent.agentId,
      presence: body.presence,
    };
    return this.rpc.request(SUBJECTS.routing.setPresence, request);
  }
}
