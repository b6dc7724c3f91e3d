import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { CannedResponseView } from '@hub/contracts';
import { ApiController } from '../api/api-controller.decorator';
import { CannedResponseViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { DepartmentFilterQuery } from '../departments/dto/department-filter.dto';
import { CannedResponsesService } from './canned-responses.service';

@ApiController('canned-responses', 'canned responses')
export class CannedResponsesController {
  constructor(private readonly cannedResponses: CannedResponsesService) {}

  @Get()
  @ApiOperation({ summary: 'Shared quick phrases plus those of the given department' })
  @ApiOkResponse({ type: [CannedResponseViewSchema] })
  list(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Query() query: DepartmentFilterQuery,
  ): Promise<CannedResponseView[]> {
    return this.cannedResponses.list(agent, query);
  }
}
