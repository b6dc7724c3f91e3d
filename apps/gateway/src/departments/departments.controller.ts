import { Body, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DepartmentView, QueueEntryView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { DepartmentViewSchema, QueueEntryViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { DepartmentsService } from './departments.service';
import { DepartmentFilterQuery } from './dto/department-filter.dto';
import { DepartmentParams, UpdateDepartmentBody } from './dto/update-department.dto';

@ApiController('departments', 'departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: "The workspace's departments with their agents and queue lengths" })
  @ApiOkResponse({ type: [DepartmentViewSchema] })
  list(@CurrentAgent() agent: AuthenticatedAgent): Promise<DepartmentView[]> {
    return this.departments.list(agent);
  }

  @Patch(':departmentId')
  @ApiOperation({
    summary: 'Admin only: reserve a department for VIP customers, or open it to everyone again',
    description:
      'Conversations already waiting stay where they are; the flag decides where new ones wait.',
  })
  @ApiOkResponse({ type: DepartmentViewSchema })
  @ApiErrors(
    { status: 403, description: 'ROUTING_ADMIN_ONLY' },
    { status: 404, description: 'DEPARTMENT_NOT_FOUND' },
  )
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { departmentId }: DepartmentParams,
    @Body() body: UpdateDepartmentBody,
  ): Promise<DepartmentView> {
    return this.departments.update(agent, { departmentId, ...body });
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
