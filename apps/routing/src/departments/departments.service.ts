import { Injectable } from '@nestjs/common';
import type { DepartmentView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { queryRows } from '../acd/sql';

@Injectable()
export class DepartmentsService {
  constructor(private readonly database: Database) {}

  list(workspaceId: string): Promise<DepartmentView[]> {
    return queryRows<DepartmentView>(
      this.database.dataSource.manager,
      `select d.id, d.workspace_id as "workspaceId", d.name,
              coalesce((select array_agg(da.agent_id::text order by da.agent_id)
                          from routing.department_agents da where da.department_id = d.id), '{}') as "agentIds",
              (select count(*)::int from routing.routes r
                where r.workspace_id = d.workspace_id and r.department_id = d.id and r.state = 'queued') as "queueLength"
         from routing.departments d
        where d.workspace_id = $1
        order by d.name, d.id`,
      [workspaceId],
    );
  }
}
