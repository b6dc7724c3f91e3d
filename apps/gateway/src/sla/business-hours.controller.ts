import { Body, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { BusinessHoursView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { BusinessHoursBody, DepartmentHoursParams } from './dto/business-hours.dto';
import { BusinessHoursViewSchema } from './sla-view-schemas';
import { SlaService } from './sla.service';

const FORBIDDEN = { status: 403, description: 'AUTH_FORBIDDEN: supervisors and admins only' };
const NO_DEPARTMENT = {
  status: 404,
  description: 'DEPARTMENT_NOT_FOUND (also for a department of another workspace)',
};

@ApiController('business-hours', 'sla')
export class BusinessHoursController {
  constructor(private readonly sla: SlaService) {}

  @Get()
  @ApiOperation({ summary: "The workspace's business hours, then each department's own" })
  @ApiOkResponse({ type: [BusinessHoursViewSchema] })
  list(@CurrentAgent() agent: AuthenticatedAgent): Promise<BusinessHoursView[]> {
    return this.sla.listHours(agent);
  }

  @Put('workspace')
  @ApiOperation({
    summary: "Set the workspace's business hours (SLA clocks, the widget's online state, routing)",
  })
  @ApiOkResponse({ type: BusinessHoursViewSchema })
  @ApiErrors(FORBIDDEN)
  setWorkspace(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: BusinessHoursBody,
  ): Promise<BusinessHoursView> {
    return this.sla.setHours(agent, null, body);
  }

  @Delete('workspace')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove the workspace's business hours (open around the clock)" })
  @ApiNoContentResponse()
  @ApiErrors(FORBIDDEN, { status: 404, description: 'BUSINESS_HOURS_NOT_FOUND' })
  removeWorkspace(@CurrentAgent() agent: AuthenticatedAgent): Promise<void> {
    return this.sla.removeHours(agent, null);
  }

  @Put('departments/:departmentId')
  @ApiOperation({ summary: "Set a department's own business hours, replacing the workspace's" })
  @ApiOkResponse({ type: BusinessHoursViewSchema })
  @ApiErrors(FORBIDDEN, NO_DEPARTMENT)
  setDepartment(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { departmentId }: DepartmentHoursParams,
    @Body() body: BusinessHoursBody,
  ): Promise<BusinessHoursView> {
    return this.sla.setHours(agent, departmentId, body);
  }

  @Delete('departments/:departmentId')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a department's own hours: the workspace's apply again" })
  @ApiNoContentResponse()
  @ApiErrors(FORBIDDEN, NO_DEPARTMENT, {
    status: 404,
    description: 'BUSINESS_HOURS_NOT_FOUND',
  })
  removeDepartment(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { departmentId }: DepartmentHoursParams,
  ): Promise<void> {
    return this.sla.removeHours(agent, departmentId);
  }
}
