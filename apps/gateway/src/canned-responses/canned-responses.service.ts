import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type CannedResponseView,
  type CreateCannedResponseRequest,
  type DeleteCannedResponseRequest,
  type ListCannedResponsesRequest,
  type UpdateCannedResponseRequest,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import { authErrors } from '../auth/auth.exception';
import { isSupervisor, type AuthenticatedAgent } from '../auth/authenticated-agent';
import type { DepartmentFilterQuery } from '../departments/dto/department-filter.dto';
import type { CreateCannedResponseBody, UpdateCannedResponseBody } from './canned-response.dto';

/**
 * Quick phrases agents insert with a `/shortcut`, from conversation: shared ones (written by
 * supervisors and admins) and each agent's personal ones.
 */
@Injectable()
export class CannedResponsesService {
  constructor(private readonly rpc: RpcClient) {}

  list(agent: AuthenticatedAgent, query: DepartmentFilterQuery): Promise<CannedResponseView[]> {
    const request: ListCannedResponsesRequest = {
      workspaceId: agent.workspaceId,
      agentId: agent.agentId,
      ...pick(query, ['departmentId']),
    };
    return this.rpc.request(SUBJECTS.conversation.listCannedResponses, request);
  }

  create(agent: AuthenticatedAgent, body: CreateCannedResponseBody): Promise<CannedResponseView> {
    if (body.scope === 'shared' && !isSupervisor(agent))
      throw authErrors.forbidden('write a shared canned response');
    const request: CreateCannedResponseRequest = {
      workspaceId: agent.workspaceId,
      agentId: agent.agentId,
      ...body,
    };
    return this.rpc.request(SUBJECTS.conversation.createCannedResponse, request);
  }

  update(
    agent: AuthenticatedAgent,
    cannedResponseId: string,
    body: UpdateCannedResponseBody,
  ): Promise<CannedResponseView> {
    const request: UpdateCannedResponseRequest = {
      ...this.target(agent, cannedResponseId),
      ...pick(body, ['shortcut', 'text']),
    };
    return this.rpc.request(SUBJECTS.conversation.updateCannedResponse, request);
  }

  remove(agent: AuthenticatedAgent, cannedResponseId: string): Promise<CannedResponseView> {
    const request: DeleteCannedResponseRequest = this.target(agent, cannedResponseId);
    return this.rpc.request(SUBJECTS.conversation.deleteCannedResponse, request);
  }

  private target(agent: AuthenticatedAgent, cannedResponseId: string): DeleteCannedResponseRequest {
    return {
      workspaceId: agent.workspaceId,
      agentId: agent.agentId,
      cannedResponseId,
      mayEditShared: isSupervisor(agent),
    };
  }
}
