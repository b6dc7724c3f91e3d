import type { DepartmentAvailabilityReply, DepartmentView } from '@hub/contracts';
import { queryRows, type Queryable } from '../sql';

/** Departments and their members (routing.departments, routing.department_agents). */
export class DepartmentsRepository {
  constructor(private readonly db: Queryable) {}

  /** The workspace's departments (or only `departmentId`), by name. */
  list(workspaceId: string, departmentId?: string): Promise<DepartmentView[]> {
    return queryRows<DepartmentView>(
      this.db,
      `select d.id, d.workspace_id as "workspaceId", d.name, d.vip_only as "vipOnly",
              coalesce((select array_agg(da.agent_id::text order by da.agent_id)
                          from routing.department_agents da where da.department_id = d.id), '{}') as "agentIds",
              (select count(*)::int from routing.routes r
                where r.workspace_id = d.workspace_id and r.department_id = d.id and r.state = 'queued') as "queueLength"
         from routing.departments d
        where d.workspace_id = $1 and ($2::uuid is null or d.id = $2::uuid)
        order by d.name, d.id`,
      [workspaceId, departmentId ?? null],
    );
  }

  /** Reserves the department for VIP customers or opens it again; false when there is no such department. */
  async setVipOnly(change: {
    workspaceId: string;
    departmentId: string;
    vipOnly: boolean;
  }): Promise<boolean> {
    const updated = await queryRows(
      this.db,
      `update routing.departments set vip_only = $3 where id = $1 and workspace_id = $2 returning id`,
      [change.departmentId, change.workspaceId, change.vipOnly],
    );
    return updated.length > 0;
  }

  /**
   * Whether an active agent is online (effective presence: a live connection and the choice
   * online) in the workspace, and in each of its departments.
   */
  async availability(workspaceId: string): Promise<DepartmentAvailabilityReply> {
    const online = `select 1 from routing.agents a
                      join routing.agent_status s on s.agent_id = a.id
                     where a.workspace_id = $1 and a.active and s.presence = 'online'`;
    const [workspace] = await queryRows<{ online: boolean }>(
      this.db,
      `select exists(${online}) as online`,
      [workspaceId],
    );
    const departments = await queryRows<DepartmentAvailabilityReply['departments'][number]>(
      this.db,
      `select d.id, d.name,
              exists(${online} and exists (select 1 from routing.department_agents da
                                            where da.department_id = d.id and da.agent_id = a.id)) as online
         from routing.departments d
        where d.workspace_id = $1
        order by d.name, d.id`,
      [workspaceId],
    );
    return { workspaceOnline: workspace.online, departments };
  }

  async find(workspaceId: string, departmentId: string): Promise<{ vipOnly: boolean } | undefined> {
    const [department] = await queryRows<{ vipOnly: boolean }>(
      this.db,
      `select vip_only as "vipOnly" from routing.departments where id = $1 and workspace_id = $2`,
      [departmentId, workspaceId],
    );
    return department;
  }
}
