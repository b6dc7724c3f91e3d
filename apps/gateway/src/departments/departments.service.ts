import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type DepartmentView,
  type GetQueueRequest,
  type QueueEntryView,
  type WorkspaceScopedRequest,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import type { DepartmentFilterQuery } from './dto/department-filter.dto';

/** Departments and their queues, from routing. */
@Injectable()
export class DepartmentsService {
  constructor(private readonly rpc: RpcClient) {}

  async list(agent: AuthenticatedAgent): Promise<DepartmentView[]> {
    const request: WorkspaceScopedRequest = { workspaceId: agent.workspaceId };
    const departments = await this.rpc.request(SUBJECTS.routing.listDepartments, request);
    return departments.filter((department) => department.workspaceId === agent.workspaceId);
  }

  queue(agent: AuthenticatedAgent, query: DepartmentFilterQuery): Promise<QueueEntryView[]> {
    const request: GetQueueRequest = {
      workspaceId: agent.workspaceId,
      ...pick(query, ['departmentId']),
    };
    return this.rpc.request(SUBJECTS.routing.getQueue, request);
  }
}
