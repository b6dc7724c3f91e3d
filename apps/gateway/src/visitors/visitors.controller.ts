import { Delete, HttpCode, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { RevokeVisitorSessionsReply } from '@hub/contracts';
import { ApiController } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { RevokedVisitorSessionsSchema, VisitorParams } from './dto/visitor-params.dto';
import { VisitorsService } from './visitors.service';

@ApiController('visitors', 'visitors')
export class VisitorsController {
  constructor(private readonly visitors: VisitorsService) {}

  @Delete(':visitorId/sessions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "End a widget visitor's sessions: their token is refused and their open sockets close (4401)",
  })
  @ApiOkResponse({ type: RevokedVisitorSessionsSchema })
  revokeSessions(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { visitorId }: VisitorParams,
  ): Promise<RevokeVisitorSessionsReply> {
    return this.visitors.revokeSessions(agent, visitorId);
  }
}
