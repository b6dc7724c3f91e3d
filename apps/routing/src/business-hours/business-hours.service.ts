import { Injectable } from '@nestjs/common';
import type {
  BusinessHoursView,
  RemoveBusinessHoursReply,
  RemoveBusinessHoursRequest,
  SetBusinessHoursRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { DepartmentsRepository } from '../departments/departments.repository';
import { RoutingErrors } from '../routing.errors';
import { BusinessHoursRepository } from './business-hours.repository';

/**
 * Business hours of a workspace and of its departments. Clocks already running keep the due
 * times computed when they started or last changed; new computations read the new hours.
 */
@Injectable()
export class BusinessHoursService {
  private readonly hours: BusinessHoursRepository;
  private readonly departments: DepartmentsRepository;

  constructor(database: Database) {
    this.hours = new BusinessHoursRepository(database.dataSource.manager);
    this.departments = new DepartmentsRepository(database.dataSource.manager);
  }

  list(workspaceId: string): Promise<BusinessHoursView[]> {
    return this.hours.list(workspaceId);
  }

  async set(request: SetBusinessHoursRequest): Promise<BusinessHoursView> {
    await this.assertDepartment(request.workspaceId, request.departmentId);
    return this.hours.put(request);
  }

  async remove(request: RemoveBusinessHoursRequest): Promise<RemoveBusinessHoursReply> {
    await this.assertDepartment(request.workspaceId, request.departmentId);
    if (!(await this.hours.remove(request.workspaceId, request.departmentId)))
      throw RoutingErrors.businessHoursNotFound();
    return { removed: true };
  }

  private async assertDepartment(workspaceId: string, departmentId: string | null) {
    if (departmentId !== null && !(await this.departments.find(workspaceId, departmentId)))
      throw RoutingErrors.departmentNotFound();
  }
}
