import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type CreateDepartmentRequest,
  type DeleteDepartmentRequest,
  type DepartmentView,
  type GetQueueRequest,
  type QueueEntryView,
  type UpdateDepartmentRequest,
  type WorkspaceScopedRequest,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import { actorOf, type AuthenticatedAgent } from '../auth/authenticated-agent';
import type { DepartmentFilterQuery } from './dto/department-filter.dto';
import type { CreateDepartmentBody, UpdateDepartmentBody } from './dto/update-department.dto';

/** Departments and their queues, from routing. */
@Injectable()
export class DepartmentsService {
  constructor(private readonly rpc: RpcClient) {}

  async list(agent: AuthenticatedAgent): Promise<DepartmentView[]> {
    const request: WorkspaceScopedRequest = { workspaceId: agent.workspaceId };
    const departments = await this.rpc.request(SUBJECTS.routing.listDepartments, request);
    return departments.filter((department) => department.workspaceId === agent.workspaceId);
  }

  /** Routing checks that the agent is an admin of the workspace now. */
  update(
    admin: AuthenticatedAgent,
    { departmentId, ...body }: UpdateDepartmentBody & { departmentId: string },
  ): Promise<DepartmentView> {
    const request: UpdateDepartmentRequest = {
      workspaceId: admin.workspaceId,
      departmentId,
      actor: actorOf(admin),
      ...pick(body, ['vipOnly', 'name', 'agentIds']),
    };
    return this.rpc.request(SUBJECTS.routing.updateDepartment, request);
  }

  create(admin: AuthenticatedAgent, body: CreateDepartmentBody): Promise<DepartmentView> {
    const request: CreateDepartmentRequest = {
      workspaceId: admin.workspaceId,
      actor: actorOf(admin),
      name: body.name,
      ...pick(body, ['vipOnly', 'agentIds']),
    };
    return this.rpc.request(SUBJECTS.routing.createDepartment, request);
  }

  remove(admin: AuthenticatedAgent, departmentId: string): Promise<DepartmentView> {
    const request: DeleteDepartmentRequest = {
      workspaceId: admin.workspaceId,
      departmentId,
      actor: actorOf(admin),
    };
    return this.rpc.request(SUBJECTS.routing.deleteDepartment, request);
  }

  queue(agent: AuthenticatedAgent, query: DepartmentFilterQuery): Promise<QueueEntryView[]> {
    const request: GetQueueRequest = {
      workspaceId: agent.workspaceId,
      ...pick(query, ['departmentId']),
    };
    return this.rpc.request(SUBJECTS.routing.getQueue, request);
  }
}
