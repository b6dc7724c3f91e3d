import { Injectable } from '@nestjs/common';
import type { AgentView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../acd/sql';
import { RoutingErrors } from '../routing.errors';

const AGENT_VIEW = `
  select a.id, a.workspace_id as "workspaceId", a.name, a.email, a.role,
         a.max_concurrent_chats as "maxConcurrentChats",
         coalesce(s.presence, 'offline') as presence, coalesce(s.active_chats, 0) as "activeChats",
         coalesce((select array_agg(da.department_id::text order by da.department_id)
                     from routing.department_agents da where da.agent_id = a.id), '{}') as "departmentIds"
    from routing.agents a
    left join routing.agent_status s on s.agent_id = a.id`;

/** Agents as other services see them: never across workspaces. */
@Injectable()
export class AgentsService {
  constructor(private readonly database: Database) {}

  async get(workspaceId: string, agentId: string, db?: EntityManager): Promise<AgentView> {
    const [agent] = await queryRows<AgentView>(
      db ?? this.database.dataSource.manager,
      `${AGENT_VIEW} where a.workspace_id = $1 and a.id = $2`,
      [workspaceId, agentId],
    );
    if (!agent) throw RoutingErrors.agentNotFound();
    return agent;
  }

  list(workspaceId: string): Promise<AgentView[]> {
    return queryRows<AgentView>(
      this.database.dataSource.manager,
      `${AGENT_VIEW} where a.workspace_id = $1 order by a.name, a.id`,
      [workspaceId],
    );
  }
}
