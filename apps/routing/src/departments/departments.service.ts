import { Injectable } from '@nestjs/common';
import type {
  DepartmentAvailabilityReply,
  DepartmentView,
  UpdateDepartmentRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { routingData } from '../routing-data';
import { DepartmentsRepository } from './departments.repository';
import { updateDepartment } from './update-department.use-case';

@Injectable()
export class DepartmentsService {
  private readonly departments: DepartmentsRepository;

  constructor(private readonly database: Database) {
    this.departments = new DepartmentsRepository(database.dataSource.manager);
  }

  list(workspaceId: string): Promise<DepartmentView[]> {
    return this.departments.list(workspaceId);
  }

  update(request: UpdateDepartmentRequest): Promise<DepartmentView> {
    return updateDepartment(routingData(this.database.dataSource.manager), request);
  }

  availability(workspaceId: string): Promise<DepartmentAvailabilityReply> {
    return this.departments.availability(workspaceId);
  }
}
