import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateDepartmentRequest,
  DeleteDepartmentRequest,
  SUBJECTS,
  UpdateDepartmentRequest,
  WorkspaceScopedRequest,
  type DepartmentAvailabilityReply,
  type DepartmentView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { DepartmentsService } from './departments.service';

@Controller()
export class DepartmentsHandler {
  constructor(private readonly departments: DepartmentsService) {}

  @RequestPattern(SUBJECTS.routing.listDepartments)
  list(@Payload() request: WorkspaceScopedRequest): Promise<DepartmentView[]> {
    return this.departments.list(request.workspaceId);
  }

  @RequestPattern(SUBJECTS.routing.updateDepartment)
  update(@Payload() request: UpdateDepartmentRequest): Promise<DepartmentView> {
    return this.departments.update(request);
  }

  @RequestPattern(SUBJECTS.routing.createDepartment)
  create(@Payload() request: CreateDepartmentRequest): Promise<DepartmentView> {
    return this.departments.create(request);
  }

  @RequestPattern(SUBJECTS.routing.deleteDepartment)
  delete(@Payload() request: DeleteDepartmentRequest): Promise<DepartmentView> {
    return this.departments.delete(request);
  }

  @RequestPattern(SUBJECTS.routing.departmentAvailability)
  availability(@Payload() request: WorkspaceScopedRequest): Promise<DepartmentAvailabilityReply> {
    return this.departments.availability(request.workspaceId);
  }
}
