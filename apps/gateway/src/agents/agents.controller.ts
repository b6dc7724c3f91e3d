import { Body, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AgentView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { AgentViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Public } from '../auth/public.decorator';
import { AgentsService } from './agents.service';
import {
  AcceptInvitationBody,
  ChangePasswordBody,
  CreateAgentBody,
  CreateAgentResponse,
  InvitationParams,
} from './dto/create-agent.dto';
import { SetPresenceBody } from './dto/presence.dto';
import { AgentParams, UpdateAgentBody } from './dto/update-agent.dto';

@ApiController('agents', 'agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get()
  @ApiOperation({ summary: "The workspace's agents with presence and load" })
  @ApiOkResponse({ type: [AgentViewSchema] })
  list(@CurrentAgent() agent: AuthenticatedAgent): Promise<AgentView[]> {
    return this.agents.list(agent);
  }

  @Get('me')
  @ApiOperation({ summary: 'The logged-in agent' })
  @ApiOkResponse({ type: AgentViewSchema })
  me(@CurrentAgent() agent: AuthenticatedAgent): Promise<AgentView> {
    return this.agents.me(agent);
  }

  @Put('me/password')
  @ApiOperation({ summary: 'Change your own password, giving the current one' })
  @ApiOkResponse({ type: AgentViewSchema })
  @ApiErrors({ status: 401, description: 'AUTH_INVALID_CREDENTIALS (wrong current password)' })
  changePassword(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: ChangePasswordBody,
  ): Promise<AgentView> {
    return this.agents.changePassword(agent, body);
  }

  @Post()
  @ApiOperation({
    summary: 'Admin only: add an agent with a password, or invite them (no password given)',
  })
  @ApiCreatedResponse({ type: CreateAgentResponse })
  @ApiErrors(
    { status: 403, description: 'AUTH_FORBIDDEN or ROUTING_ADMIN_ONLY (not an admin)' },
    { status: 404, description: 'DEPARTMENT_NOT_FOUND (a department of another workspace)' },
    { status: 409, description: 'ROUTING_AGENT_EMAIL_TAKEN' },
  )
  create(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Body() body: CreateAgentBody,
  ): Promise<CreateAgentResponse> {
    return this.agents.create(admin, body);
  }

  @Put('me/presence')
  @ApiOperation({ summary: 'Go online or away' })
  @ApiOkResponse({ type: AgentViewSchema })
  setPresence(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: SetPresenceBody,
  ): Promise<AgentView> {
    return this.agents.setPresence(agent, body);
  }

  @Patch(':agentId')
  @ApiOperation({
    summary:
      "Admin only: change an agent's role, active flag (deactivate or reactivate), avatar, name, chat limit, departments or locale; a role or active change ends their sessions and sockets at once",
    description:
      'Give one field or several. When they already have the requested values nothing changes: ' +
      'the agent is answered as they are and their sessions stand. The last active admin of a ' +
      'workspace cannot be demoted or deactivated (ROUTING_LAST_ADMIN): promote another first.',
  })
  @ApiOkResponse({ type: AgentViewSchema })
  @ApiErrors(
    {
      status: 400,
      description: 'VALIDATION_FAILED (no field given; avatarUrl not an http(s) URL)',
    },
    { status: 403, description: 'ROUTING_ADMIN_ONLY' },
    { status: 404, description: 'AGENT_NOT_FOUND, DEPARTMENT_NOT_FOUND' },
    { status: 409, description: 'ROUTING_LAST_ADMIN' },
  )
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { agentId }: AgentParams,
    @Body() body: UpdateAgentBody,
  ): Promise<AgentView> {
    return this.agents.update(agent, { agentId, ...body });
  }

  @Delete(':agentId')
  @ApiOperation({
    summary:
      'Admin only: remove (deactivate) an agent; they can no longer log in, their sessions and sockets end at once',
    description:
      'An agent already inactive is answered as they are. The last active admin of a workspace ' +
      'cannot be removed (ROUTING_LAST_ADMIN): promote another first.',
  })
  @ApiOkResponse({ type: AgentViewSchema })
  @ApiErrors(
    { status: 403, description: 'ROUTING_ADMIN_ONLY' },
    { status: 404, description: 'AGENT_NOT_FOUND' },
    { status: 409, description: 'ROUTING_LAST_ADMIN' },
  )
  remove(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { agentId }: AgentParams,
  ): Promise<AgentView> {
    return this.agents.update(agent, { agentId, active: false });
  }
}

@ApiController('agent-invitations', 'agents')
export class AgentInvitationsController {
  constructor(private readonly agents: AgentsService) {}

  @Post(':token/accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'An invited agent sets their name and password; then they log in as usual',
  })
  @ApiOkResponse({ type: AgentViewSchema })
  @ApiErrors({ status: 404, description: 'ROUTING_INVITATION_INVALID (unknown, used or expired)' })
  accept(
    @Param() { token }: InvitationParams,
    @Body() body: AcceptInvitationBody,
  ): Promise<AgentView> {
    return this.agents.acceptInvitation(token, body);
  }
}
