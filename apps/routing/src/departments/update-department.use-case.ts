import type {
  CreateDepartmentRequest,
  DeleteDepartmentRequest,
  DepartmentView,
  UpdateDepartmentRequest,
} from '@hub/contracts';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@hub/persistence';
import { requireAdmin } from '../agents/require-admin';
import type { RoutingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';

/**
 * An admin renames a department, sets its members, or reserves it for VIPs (or not). Runs
 * under the workspace lock when members change (they change routing decisions); the VIP flag
 * alone needs none: arrivals read it as they join a queue, and those waiting stay.
 */
export async function updateDepartment(
  data: RoutingData,
  request: UpdateDepartmentRequest,
): Promise<DepartmentView> {
  const { workspaceId, departmentId, vipOnly, name, agentIds } = request;
  await requireAdmin(data, workspaceId, request.actor, RoutingErrors.departmentAdminOnly);
  if (!(await data.departments.find(workspaceId, departmentId)))
    throw RoutingErrors.departmentNotFound();
  if (vipOnly !== undefined)
    await data.departments.setVipOnly({ workspaceId, departmentId, vipOnly });
  if (name !== undefined)
    await named(() => data.departments.rename({ workspaceId, departmentId, name }));
  if (agentIds && !(await data.departments.setMembers({ workspaceId, departmentId, agentIds })))
    throw RoutingErrors.agentNotInWorkspace();
  const [department] = await data.departments.list(workspaceId, departmentId);
  return department;
}

export async function createDepartment(
  data: RoutingData,
  request: CreateDepartmentRequest,
): Promise<DepartmentView> {
  const { workspaceId, name, agentIds } = request;
  await requireAdmin(data, workspaceId, request.actor, RoutingErrors.departmentAdminOnly);
  const departmentId = await named(() =>
    data.departments.insert({ workspaceId, name, vipOnly: request.vipOnly ?? false }),
  );
  if (agentIds && !(await data.departments.setMembers({ workspaceId, departmentId, agentIds })))
    throw RoutingErrors.agentNotInWorkspace();
  const [department] = await data.departments.list(workspaceId, departmentId);
  return department;
}

/** Refused while conversations wait in it; its members and hours go with it. */
export async function deleteDepartment(
  data: RoutingData,
  request: DeleteDepartmentRequest,
): Promise<DepartmentView> {
  const { workspaceId, departmentId } = request;
  await requireAdmin(data, workspaceId, request.actor, RoutingErrors.departmentAdminOnly);
  const [department] = await data.departments.list(workspaceId, departmentId);
  if (!department) throw RoutingErrors.departmentNotFound();
  const waiting = await data.departments.waiting(workspaceId, departmentId);
  if (waiting > 0) throw RoutingErrors.departmentNotEmpty(waiting);
  await data.departments.delete(workspaceId, departmentId);
  return department;
}

/** A write that may hit uq_departments_workspace_name. */
async function named<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw RoutingErrors.departmentNameTaken();
    throw error;
  }
}
