import { Injectable } from '@nestjs/common';
import type {
  CreateDepartmentRequest,
  DeleteDepartmentRequest,
  DepartmentAvailabilityReply,
  DepartmentView,
  UpdateDepartmentRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { BusinessHoursRepository } from '../business-hours/business-hours.repository';
import { isOpenAt } from '../business-hours/business-time';
import { Clock } from '../business-hours/clock';
import { inWorkspaceLock } from '../acd/workspace-lock';
import { routingData, type RoutingData } from '../routing-data';
import { DepartmentsRepository } from './departments.repository';
import { createDepartment, deleteDepartment, updateDepartment } from './update-department.use-case';

@Injectable()
export class DepartmentsService {
  private readonly departments: DepartmentsRepository;
  private readonly hours: BusinessHoursRepository;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {
    this.departments = new DepartmentsRepository(database.dataSource.manager);
    this.hours = new BusinessHoursRepository(database.dataSource.manager);
  }

  list(workspaceId: string): Promise<DepartmentView[]> {
    return this.departments.list(workspaceId);
  }

  update(request: UpdateDepartmentRequest): Promise<DepartmentView> {
    if (!request.agentIds)
      return updateDepartment(routingData(this.database.dataSource.manager), request);
    return this.locked(request.workspaceId, (data) => updateDepartment(data, request));
  }

  create(request: CreateDepartmentRequest): Promise<DepartmentView> {
    return this.locked(request.workspaceId, (data) => createDepartment(data, request));
  }

  /** Under the lock: no conversation can join its queue between the check and the delete. */
  delete(request: DeleteDepartmentRequest): Promise<DepartmentView> {
    return this.locked(request.workspaceId, (data) => deleteDepartment(data, request));
  }

  private async locked(
    workspaceId: string,
    work: (data: RoutingData) => Promise<DepartmentView>,
  ): Promise<DepartmentView> {
    let view!: DepartmentView;
    await inWorkspaceLock(this.database.dataSource, workspaceId, async (data) => {
      view = await work(data);
    });
    return view;
  }

  /** Staffed and open: outside its business hours a department is not available. */
  async availability(workspaceId: string): Promise<DepartmentAvailabilityReply> {
    const [staffed, calendars] = await Promise.all([
      this.departments.availability(workspaceId),
      this.hours.calendarsOf(workspaceId),
    ]);
    const now = this.clock.now();
    const openNow = (calendar: Parameters<typeof isOpenAt>[0] | undefined) =>
      calendar ? isOpenAt(calendar, now) : null;
    const workspaceOpen = openNow(calendars.workspace);
    return {
      workspaceOnline: staffed.workspaceOnline && workspaceOpen !== false,
      withinBusinessHours: workspaceOpen,
      departments: staffed.departments.map((department) => {
        const open = openNow(calendars.departments.get(department.id) ?? calendars.workspace);
        return {
          ...department,
          online: department.online && open !== false,
          withinBusinessHours: open,
        };
      }),
    };
  }
}
