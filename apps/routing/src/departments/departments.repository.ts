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

  /** A new department; its id (uq_departments_workspace_name refuses a name taken). */
  async insert(department: {
    workspaceId: string;
    name: string;
    vipOnly: boolean;
  }): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `insert into routing.departments (workspace_id, name, vip_only) values ($1, $2, $3) returning id`,
      [department.workspaceId, department.name, department.vipOnly],
    );
    return row.id;
  }

  async rename(change: { workspaceId: string; departmentId: string; name: string }): Promise<void> {
    await this.db.query(
      `update routing.departments set name = $3 where id = $1 and workspace_id = $2`,
      [change.departmentId, change.workspaceId, change.name],
    );
  }

  /**
   * Replaces the department's members. False when one of them is not an agent of the
   * workspace (the caller's transaction is then rolled back).
   */
  async setMembers(change: {
    workspaceId: string;
    departmentId: string;
    agentIds: readonly string[];
  }): Promise<boolean> {
    await this.db.query(`delete from routing.department_agents where department_id = $1`, [
      change.departmentId,
    ]);
    const added = await queryRows(
      this.db,
      `insert into routing.department_agents (workspace_id, department_id, agent_id)
       select $1, $2, a.id from routing.agents a
        where a.workspace_id = $1 and a.id = any($3::uuid[])
       returning agent_id`,
      [change.workspaceId, change.departmentId, change.agentIds],
    );
    return added.length === change.agentIds.length;
  }

  /** How many conversations wait in the department's queue. */
  async waiting(workspaceId: string, departmentId: string): Promise<number> {
    const [{ count }] = await queryRows<{ count: number }>(
      this.db,
      `select count(*)::int as count from routing.routes
        where workspace_id = $1 and department_id = $2 and state = 'queued'`,
      [workspaceId, departmentId],
    );
    return count;
  }

  async delete(workspaceId: string, departmentId: string): Promise<void> {
    await this.db.query(`delete from routing.departments where id = $1 and workspace_id = $2`, [
      departmentId,
      workspaceId,
    ]);
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
