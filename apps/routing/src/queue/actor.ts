import { AgentRole } from '@hub/domain';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../acd/sql';
import { RoutingErrors } from '../routing.errors';

export interface ActingAgent {
  id: string;
  role: AgentRole;
  departmentIds: string[];
}

/** The acting agent as routing knows them now (the role in a token may be stale). */
export async function loadActor(
  tx: EntityManager,
  workspaceId: string,
  agentId: string,
): Promise<ActingAgent> {
  const [actor] = await queryRows<ActingAgent>(
    tx,
    `select a.id, a.role,
            coalesce(array_agg(da.department_id::text) filter (where da.department_id is not null), '{}') as "departmentIds"
       from routing.agents a
       left join routing.department_agents da on da.agent_id = a.id
      where a.id = $1 and a.workspace_id = $2
      group by a.id`,
    [agentId, workspaceId],
  );
  if (!actor) throw RoutingErrors.actorUnknown();
  return actor;
}

export function isSupervisor(actor: ActingAgent): boolean {
  return actor.role === AgentRole.Admin || actor.role === AgentRole.Supervisor;
}

/** Free slot and presence of an agent of the workspace, or undefined when there is no such agent. */
export async function loadCapacity(
  tx: EntityManager,
  workspaceId: string,
  agentId: string,
): Promise<{ presence: string; free: boolean } | undefined> {
  const [row] = await queryRows<{ presence: string; free: boolean }>(
    tx,
    `select coalesce(s.presence, 'offline') as presence,
            coalesce(s.active_chats, 0) < a.max_concurrent_chats as free
       from routing.agents a left join routing.agent_status s on s.agent_id = a.id
      where a.id = $1 and a.workspace_id = $2`,
    [agentId, workspaceId],
  );
  return row;
}
