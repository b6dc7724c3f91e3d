import { Body, Delete, Get, Param, Patch, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AgentView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { AgentViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { AgentsService } from './agents.service';
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
      "Admin only: change an agent's role, active flag or avatar; a role or active change ends their sessions and sockets at once",
    description:
      'Give role, active, avatarUrl or several. When they already have the requested values nothing changes: ' +
      'the agent is answered as they are and their sessions stand. The last active admin of a ' +
      'workspace cannot be demoted or deactivated (ROUTING_LAST_ADMIN): promote another first.',
  })
  @ApiOkResponse({ type: AgentViewSchema })
  @ApiErrors(
    {
      status: 400,
      description:
        'VALIDATION_FAILED (none of role, active and avatarUrl given; avatarUrl not an http(s) URL)',
    },
    { status: 403, description: 'ROUTING_ADMIN_ONLY' },
    { status: 404, description: 'AGENT_NOT_FOUND' },
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
