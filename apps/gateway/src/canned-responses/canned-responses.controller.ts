import { Body, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { CannedResponseView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { CannedResponseViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { DepartmentFilterQuery } from '../departments/dto/department-filter.dto';
import {
  CannedResponseParams,
  CreateCannedResponseBody,
  UpdateCannedResponseBody,
} from './canned-response.dto';
import { CannedResponsesService } from './canned-responses.service';

const NOT_YOURS = {
  status: 403,
  description: 'CANNED_RESPONSE_FORBIDDEN (a shared one, and you are an agent)',
};
const NOT_FOUND = { status: 404, description: 'CANNED_RESPONSE_NOT_FOUND' };
const TAKEN = { status: 409, description: 'CANNED_RESPONSE_SHORTCUT_TAKEN' };

@ApiController('canned-responses', 'canned responses')
export class CannedResponsesController {
  constructor(private readonly cannedResponses: CannedResponsesService) {}

  @Get()
  @ApiOperation({
    summary: 'Shared quick phrases (plus those of the given department) and your personal ones',
  })
  @ApiOkResponse({ type: [CannedResponseViewSchema] })
  list(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Query() query: DepartmentFilterQuery,
  ): Promise<CannedResponseView[]> {
    return this.cannedResponses.list(agent, query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a personal phrase, or (supervisors, admins) a shared one' })
  @ApiCreatedResponse({ type: CannedResponseViewSchema })
  @ApiErrors({ status: 403, description: 'AUTH_FORBIDDEN (a shared one, as an agent)' }, TAKEN)
  create(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: CreateCannedResponseBody,
  ): Promise<CannedResponseView> {
    return this.cannedResponses.create(agent, body);
  }

  @Patch(':cannedResponseId')
  @ApiOperation({
    summary: 'Change the shortcut or text of your own or (supervisors) a shared one',
  })
  @ApiOkResponse({ type: CannedResponseViewSchema })
  @ApiErrors(NOT_YOURS, NOT_FOUND, TAKEN)
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { cannedResponseId }: CannedResponseParams,
    @Body() body: UpdateCannedResponseBody,
  ): Promise<CannedResponseView> {
    return this.cannedResponses.update(agent, cannedResponseId, body);
  }

  @Delete(':cannedResponseId')
  @ApiOperation({ summary: 'Delete your own phrase or (supervisors) a shared one' })
  @ApiOkResponse({ type: CannedResponseViewSchema })
  @ApiErrors(NOT_YOURS, NOT_FOUND)
  remove(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { cannedResponseId }: CannedResponseParams,
  ): Promise<CannedResponseView> {
    return this.cannedResponses.remove(agent, cannedResponseId);
  }
}
