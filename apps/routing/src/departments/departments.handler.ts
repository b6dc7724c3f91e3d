import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SUBJECTS, WorkspaceScopedRequest, type DepartmentView } from '@hub/contracts';
import { DepartmentsService } from './departments.service';

@Controller()
export class DepartmentsHandler {
  constructor(private readonly departments: DepartmentsService) {}

  @MessagePattern(SUBJECTS.routing.listDepartments)
  list(@Payload() request: WorkspaceScopedRequest): Promise<DepartmentView[]> {
    return this.departments.list(request.workspaceId);
  }
}
