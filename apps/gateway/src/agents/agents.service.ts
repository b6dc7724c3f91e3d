import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type AcceptAgentInvitationRequest,
  type AgentView,
  type ChangeAgentPasswordRequest,
  type CreateAgentRequest,
  type GetAgentRequest,
  type SetAgentPresenceRequest,
  type UpdateAgentRequest,
  type WorkspaceScopedRequest,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { authErrors } from '../auth/auth.exception';
import { actorOf, isAdmin, type AuthenticatedAgent } from '../auth/authenticated-agent';
import { SessionsService } from '../sessions/sessions.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import type {
  AcceptInvitationBody,
  ChangePasswordBody,
  CreateAgentBody,
  CreateAgentResponse,
} from './dto/create-agent.dto';
import type { SetPresenceBody } from './dto/presence.dto';
import type { UpdateAgentBody } from './dto/update-agent.dto';

/** Agents of the caller's workspace and the caller's own presence, from routing. */
@Injectable()
export class AgentsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionsService,
    private readonly workspaces: WorkspacesService,
  ) {}

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

  /**
   * Routing checks that the caller is an admin now and applies the change; then every session
   * of the changed agent ends (a token's role is fixed when it is issued), closing their sockets.
   * A change to what the agent already was ends nothing.
   */
  async update(
    admin: AuthenticatedAgent,
    { agentId, ...body }: UpdateAgentBody & { agentId: string },
  ): Promise<AgentView> {
    const request: UpdateAgentRequest = {
      workspaceId: admin.workspaceId,
      agentId,
      actor: actorOf(admin),
      ...body,
    };
    const { agent, changed } = await this.rpc.request(SUBJECTS.routing.updateAgent, request);
    if (changed) await this.sessions.endAllOf({ workspaceId: admin.workspaceId, agentId });
    return agent;
  }

  /** Routing checks the role again, as it is now; this refuses early what the token says. */
  async create(admin: AuthenticatedAgent, body: CreateAgentBody): Promise<CreateAgentResponse> {
    if (!isAdmin(admin)) throw authErrors.adminOnly('add an agent');
    const request: CreateAgentRequest = {
      workspaceId: admin.workspaceId,
      actor: actorOf(admin),
      ...body,
    };
    const reply = await this.rpc.request(SUBJECTS.routing.createAgent, request);
    if (reply.invitationToken === null) return { ...reply, invitationPath: null };
    // The inbox's page for it; the workspace rides along, since the agent signs in with it.
    const workspace = await this.workspaces.slugOf(admin.workspaceId);
    const path = `/invitations/${reply.invitationToken}?workspace=${encodeURIComponent(workspace)}`;
    return { ...reply, invitationPath: path };
  }

  acceptInvitation(token: string, body: AcceptInvitationBody): Promise<AgentView> {
    const request: AcceptAgentInvitationRequest = { token, ...body };
    return this.rpc.request(SUBJECTS.routing.acceptAgentInvitation, request);
  }

  changePassword(agent: AuthenticatedAgent, body: ChangePasswordBody): Promise<AgentView> {
    const request: ChangeAgentPasswordRequest = {
      workspaceId: agent.workspaceId,
      agentId: agent.agentId,
      ...body,
    };
    return this.rpc.request(SUBJECTS.routing.changeAgentPassword, request);
  }
}
