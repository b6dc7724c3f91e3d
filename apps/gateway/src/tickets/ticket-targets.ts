import { Injectable } from '@nestjs/common';
import { SUBJECTS } from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';

/**
 * Checks with routing that a ticket's new assignee is an agent, and its new department a
 * department, of the caller's workspace (crm keeps only their ids): AGENT_NOT_FOUND and
 * DEPARTMENT_NOT_FOUND otherwise, before anything is written.
 */
@Injectable()
export class TicketTargets {
  constructor(private readonly rpc: RpcClient) {}

  async check(
    agent: AuthenticatedAgent,
    { assigneeId, departmentId }: { assigneeId?: string | null; departmentId?: string | null },
  ): Promise<void> {
    const { workspaceId } = agent;
    if (assigneeId)
      await this.rpc.request(SUBJECTS.routing.getAgent, { workspaceId, agentId: assigneeId });
    if (departmentId) {
      const departments = await this.rpc.request(SUBJECTS.routing.listDepartments, { workspaceId });
      if (!departments.some((department) => department.id === departmentId)) {
        throw new DomainException(
          'DEPARTMENT_NOT_FOUND',
          `Department ${departmentId} does not exist`,
        );
      }
    }
  }
}
