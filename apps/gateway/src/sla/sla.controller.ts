import { Body, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { SlaClockView, SlaPolicyView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { SlaPolicyBody, SlaPolicyParams, SlaSubjectParams } from './dto/sla-policy.dto';
import { SlaClockViewSchema, SlaPolicyViewSchema } from './sla-view-schemas';
import { SlaService } from './sla.service';

const FORBIDDEN = { status: 403, description: 'AUTH_FORBIDDEN: supervisors and admins only' };
const NOT_FOUND = { status: 404, description: 'SLA_POLICY_NOT_FOUND' };

@ApiController('sla', 'sla')
export class SlaController {
  constructor(private readonly sla: SlaService) {}

  @Get('policies')
  @ApiOperation({ summary: 'SLA policies in the order they are matched (the first match applies)' })
  @ApiOkResponse({ type: [SlaPolicyViewSchema] })
  listPolicies(@CurrentAgent() agent: AuthenticatedAgent): Promise<SlaPolicyView[]> {
    return this.sla.listPolicies(agent);
  }

  @Post('policies')
  @ApiOperation({
    summary: 'Add an SLA policy: first-response, next-response and resolution targets',
    description:
      'Matched by priority, category and VIP (an empty list or null matches anything), in ' +
      'business hours or calendar time. Applies to clocks started from now on.',
  })
  @ApiCreatedResponse({ type: SlaPolicyViewSchema })
  @ApiErrors(FORBIDDEN)
  createPolicy(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: SlaPolicyBody,
  ): Promise<SlaPolicyView> {
    return this.sla.createPolicy(agent, body);
  }

  @Put('policies/:policyId')
  @ApiOperation({ summary: "Replace an SLA policy's fields" })
  @ApiOkResponse({ type: SlaPolicyViewSchema })
  @ApiErrors(FORBIDDEN, NOT_FOUND)
  updatePolicy(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { policyId }: SlaPolicyParams,
    @Body() body: SlaPolicyBody,
  ): Promise<SlaPolicyView> {
    return this.sla.updatePolicy(agent, policyId, body);
  }

  @Delete('policies/:policyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an SLA policy (clocks it started keep their target)' })
  @ApiNoContentResponse()
  @ApiErrors(FORBIDDEN, NOT_FOUND)
  removePolicy(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { policyId }: SlaPolicyParams,
  ): Promise<void> {
    return this.sla.removePolicy(agent, policyId);
  }

  @Get('clocks/:subjectId')
  @ApiOperation({ summary: "A ticket's or a conversation's SLA clocks, newest first" })
  @ApiOkResponse({ type: [SlaClockViewSchema] })
  listClocks(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { subjectId }: SlaSubjectParams,
  ): Promise<SlaClockView[]> {
    return this.sla.listClocks(agent, subjectId);
  }
}
