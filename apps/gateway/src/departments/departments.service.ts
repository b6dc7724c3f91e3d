import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
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
import type { UpdateDepartmentBody } from './dto/update-department.dto';

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
    { departmentId, vipOnly }: UpdateDepartmentBody & { departmentId: string },
  ): Promise<DepartmentView> {
    const request: UpdateDepartmentRequest = {
      workspaceId: admin.workspaceId,
      departmentId,
      actor: actorOf(admin),
      vipOnly,
    };
    return this.rpc.request(SUBJECTS.routing.updateDepartment, request);
  }

  queue(agent: AuthenticatedAgent, query: DepartmentFilterQuery): Promise<QueueEntryView[]> {
    const request: GetQueueRequest = {
      workspaceId: agent.workspaceId,
      ...pick(query, ['departmentId']),
    };
    return this.rpc.request(SUBJECTS.routing.getQueue, request);
  }
}
