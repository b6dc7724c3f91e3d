import type { DepartmentView, UpdateDepartmentRequest } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import type { RoutingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';

/**
 * An admin reserves the department for VIPs (or not). Needs no workspace lock: arrivals read
 * the flag as they join a queue, and those already waiting stay where they are.
 */
export async function updateDepartment(
  data: RoutingData,
  request: UpdateDepartmentRequest,
): Promise<DepartmentView> {
  const { workspaceId, departmentId, vipOnly } = request;
  const actor = await data.agents.actor(workspaceId, request.actor.agentId);
  if (!actor) throw RoutingErrors.actorUnknown();
  if (actor.role !== AgentRole.Admin) throw RoutingErrors.departmentAdminOnly();
  if (!(await data.departments.setVipOnly({ workspaceId, departmentId, vipOnly })))
    throw RoutingErrors.departmentNotFound();
  const [department] = await data.departments.list(workspaceId, departmentId);
  return department;
}
