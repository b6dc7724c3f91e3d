import { Injectable } from '@nestjs/common';
import type { DepartmentAvailabilityReply, DepartmentView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { DepartmentsRepository } from './departments.repository';

@Injectable()
export class DepartmentsService {
  private readonly departments: DepartmentsRepository;

  constructor(database: Database) {
    this.departments = new DepartmentsRepository(database.dataSource.manager);
  }

  list(workspaceId: string): Promise<DepartmentView[]> {
    return this.departments.list(workspaceId);
  }

  availability(workspaceId: string): Promise<DepartmentAvailabilityReply> {
    return this.departments.availability(workspaceId);
  }
}
