import { Injectable } from '@nestjs/common';
import type {
  DepartmentAvailabilityReply,
  DepartmentView,
  UpdateDepartmentRequest,
} from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { AgentsRepository } from '../agents/agents.repository';
import { RoutingErrors } from '../routing.errors';
import { DepartmentsRepository } from './departments.repository';

@Injectable()
export class DepartmentsService {
  private readonly departments: DepartmentsRepository;
  private readonly agents: AgentsRepository;

  constructor(database: Database) {
    this.departments = new DepartmentsRepository(database.dataSource.manager);
    this.agents = new AgentsRepository(database.dataSource.manager);
  }

  list(workspaceId: string): Promise<DepartmentView[]> {
    return this.departments.list(workspaceId);
  }

  /**
   * An admin reserves the department for VIPs (or not). Needs no workspace lock: arrivals read
   * the flag as they join a queue, and those already waiting stay where they are.
   */
  async update(request: UpdateDepartmentRequest): Promise<DepartmentView> {
    const { workspaceId, departmentId, vipOnly } = request;
    const actor = await this.agents.actor(workspaceId, request.actor.agentId);
    if (!actor) throw RoutingErrors.actorUnknown();
    if (actor.role !== AgentRole.Admin) throw RoutingErrors.departmentAdminOnly();
    if (!(await this.departments.setVipOnly({ workspaceId, departmentId, vipOnly })))
      throw RoutingErrors.departmentNotFound();
    const [department] = await this.departments.list(workspaceId, departmentId);
    return department;
  }

  availability(workspaceId: string): Promise<DepartmentAvailabilityReply> {
    return this.departments.availability(workspaceId);
  }
}
