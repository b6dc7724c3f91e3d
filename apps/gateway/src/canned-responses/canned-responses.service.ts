import { Injectable } from '@nestjs/common';
import { SUBJECTS, type CannedResponseView, type ListCannedResponsesRequest } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import type { DepartmentFilterQuery } from '../departments/dto/department-filter.dto';

/** Quick phrases agents insert with a `/shortcut`, from conversation. */
@Injectable()
export class CannedResponsesService {
  constructor(private readonly rpc: RpcClient) {}

  list(agent: AuthenticatedAgent, query: DepartmentFilterQuery): Promise<CannedResponseView[]> {
    const request: ListCannedResponsesRequest = {
      workspaceId: agent.workspaceId,
      ...pick(query, ['departmentId']),
    };
    return this.rpc.request(SUBJECTS.conversation.listCannedResponses, request);
  }
}
