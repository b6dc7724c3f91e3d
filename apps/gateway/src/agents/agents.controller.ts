import { Body, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AgentView } from '@hub/contracts';
import { ApiController } from '../api/api-controller.decorator';
import { AgentViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { AgentsService } from './agents.service';
import { SetPresenceBody } from './dto/presence.dto';

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
}
