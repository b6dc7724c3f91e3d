import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DepartmentView, QueueEntryView } from '@hub/contracts';
import { ApiController } from '../api/api-controller.decorator';
import { DepartmentViewSchema, QueueEntryViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { DepartmentsService } from './departments.service';
import { DepartmentFilterQuery } from './dto/department-filter.dto';

@ApiController('departments', 'departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: "The workspace's departments with their agents and queue lengths" })
  @ApiOkResponse({ type: [DepartmentViewSchema] })
  list(@CurrentAgent() agent: AuthenticatedAgent): Promise<DepartmentView[]> {
    return this.departments.list(agent);
  }
}

@ApiController('queue', 'departments')
export class QueueController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'Conversations waiting for an agent, in order (one department or all)' })
  @ApiOkResponse({ type: [QueueEntryViewSchema] })
  queue(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Query() query: DepartmentFilterQuery,
  ): Promise<QueueEntryView[]> {
    return this.departments.queue(agent, query);
  }
}
