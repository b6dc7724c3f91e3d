import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type {
  InvitationView,
  RevokeVisitorSessionsReply,
  VisitorTrailView,
  VisitorView,
} from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { InviteVisitorBody } from './dto/invite-visitor.dto';
import { RevokedVisitorSessionsSchema, VisitorParams } from './dto/visitor-params.dto';
import {
  InvitationViewSchema,
  VisitorTrailSchema,
  VisitorViewSchema,
} from './dto/visitor-view.schema';
import { VisitorsService } from './visitors.service';

@ApiController('visitors', 'visitors')
export class VisitorsController {
  constructor(private readonly visitors: VisitorsService) {}

  @Get('online')
  @ApiOperation({
    summary:
      'Widget visitors on the site now (a page view or open socket in the last minute), ' +
      'longest-present first',
  })
  @ApiOkResponse({ type: [VisitorViewSchema] })
  online(@CurrentAgent() agent: AuthenticatedAgent): Promise<VisitorView[]> {
    return this.visitors.online(agent);
  }

  @Get(':visitorId/trail')
  @ApiOperation({ summary: "The visitor's pages, oldest first across visits, with time on each" })
  @ApiOkResponse({ type: VisitorTrailSchema })
  trail(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { visitorId }: VisitorParams,
  ): Promise<VisitorTrailView> {
    return this.visitors.trail(agent, visitorId);
  }

  @Post(':visitorId/invitations')
  @ApiOperation({
    summary: 'Invite a visitor on the site to chat; accepting opens a conversation assigned to you',
  })
  @ApiCreatedResponse({ type: InvitationViewSchema })
  @ApiErrors({
    status: 409,
    description: 'VISITOR_NOT_ONLINE or VISITOR_ALREADY_CHATTING',
  })
  invite(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { visitorId }: VisitorParams,
    @Body() body: InviteVisitorBody,
  ): Promise<InvitationView> {
    return this.visitors.invite(agent, visitorId, body.message);
  }

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
