import { Body, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DepartmentView, QueueEntryView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { DepartmentViewSchema, QueueEntryViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { DepartmentsService } from './departments.service';
import { DepartmentFilterQuery } from './dto/department-filter.dto';
import {
  CreateDepartmentBody,
  DepartmentParams,
  UpdateDepartmentBody,
} from './dto/update-department.dto';

@ApiController('departments', 'departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: "The workspace's departments with their agents and queue lengths" })
  @ApiOkResponse({ type: [DepartmentViewSchema] })
  list(@CurrentAgent() agent: AuthenticatedAgent): Promise<DepartmentView[]> {
    return this.departments.list(agent);
  }

  @Post()
  @ApiOperation({ summary: 'Admin only: add a department, with its members' })
  @ApiCreatedResponse({ type: DepartmentViewSchema })
  @ApiErrors(
    { status: 403, description: 'ROUTING_ADMIN_ONLY' },
    { status: 404, description: 'AGENT_NOT_FOUND (a member not of the workspace)' },
    { status: 409, description: 'ROUTING_DEPARTMENT_NAME_TAKEN' },
  )
  create(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: CreateDepartmentBody,
  ): Promise<DepartmentView> {
    return this.departments.create(agent, body);
  }

  @Patch(':departmentId')
  @ApiOperation({
    summary:
      'Admin only: rename a department, set its members, or reserve it for VIP customers (or open it again)',
    description:
      'Conversations already waiting stay where they are; the VIP flag decides where new ones wait.',
  })
  @ApiOkResponse({ type: DepartmentViewSchema })
  @ApiErrors(
    { status: 403, description: 'ROUTING_ADMIN_ONLY' },
    { status: 404, description: 'DEPARTMENT_NOT_FOUND, AGENT_NOT_FOUND' },
    { status: 409, description: 'ROUTING_DEPARTMENT_NAME_TAKEN' },
  )
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { departmentId }: DepartmentParams,
    @Body() body: UpdateDepartmentBody,
  ): Promise<DepartmentView> {
    return this.departments.update(agent, { departmentId, ...body });
  }

  @Delete(':departmentId')
  @ApiOperation({
    summary: 'Admin only: delete a department; refused while conversations wait in it',
  })
  @ApiOkResponse({ type: DepartmentViewSchema })
  @ApiErrors(
    { status: 403, description: 'ROUTING_ADMIN_ONLY' },
    { status: 404, description: 'DEPARTMENT_NOT_FOUND' },
    { status: 409, description: 'ROUTING_DEPARTMENT_NOT_EMPTY' },
  )
  remove(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { departmentId }: DepartmentParams,
  ): Promise<DepartmentView> {
    return this.departments.remove(agent, departmentId);
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
