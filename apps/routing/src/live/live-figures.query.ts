import type { LiveFiguresView } from '@hub/contracts';
import { queryRows, type Queryable } from '../sql';

// Whole seconds since the oldest `enqueued_at` of `rows` (a FROM clause), null when empty.
const longestWait = (rows: string) =>
  `(select floor(extract(epoch from now() - min(w.enqueued_at)))::int from ${rows})`;

/**
 * The supervisor view's live figures in one statement (one snapshot): each queue's length, VIP
 * share and longest wait, and the agents not offline with their load. Reads only the queued
 * routes (the partial queue index) and the workspace's agents.
 */
export class LiveFiguresQuery {
  constructor(private readonly db: Queryable) {}

  async load(workspaceId: string): Promise<LiveFiguresView> {
    const [figures] = await queryRows<LiveFiguresView>(
      this.db,
      `with queued as (
         select department_id, vip, enqueued_at from routing.routes
          where workspace_id = $1 and state = 'queued'
       ), queues as (
         select d.id as department_id, d.name, d.vip_only, 0 as ord
           from routing.departments d where d.workspace_id = $1
         union all
         select null, null, false, 1
       )
       select
         to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
         (select coalesce(json_agg(json_build_object(
                   'departmentId', q.department_id, 'name', q.name, 'vipOnly', q.vip_only,
                   'waiting', (select count(*) from queued w where w.department_id is not distinct from q.department_id),
                   'vipWaiting', (select count(*) from queued w
                                   where w.department_id is not distinct from q.department_id and w.vip),
                   'longestWaitSeconds', ${longestWait('queued w where w.department_id is not distinct from q.department_id')})
                 order by q.ord, q.name, q.department_id), '[]')
            from queues q) as queues,
         ${longestWait('queued w')} as "longestWaitSeconds",
         (select count(*)::int from routing.agents a join routing.agent_status s on s.agent_id = a.id
           where a.workspace_id = $1 and a.active and s.presence = 'online') as "agentsOnline",
         (select coalesce(json_agg(json_build_object(
                   'agentId', a.id, 'name', a.name, 'presence', s.presence, 'activeChats', s.active_chats,
                   'maxConcurrentChats', a.max_concurrent_chats,
                   'departmentIds', coalesce((select array_agg(da.department_id order by da.department_id)
                                                from routing.department_agents da where da.agent_id = a.id), '{}'))
                 order by a.name, a.id), '[]')
            from routing.agents a join routing.agent_status s on s.agent_id = a.id
           where a.workspace_id = $1 and a.active and s.presence <> 'offline') as agents`,
      [workspaceId],
    );
    return figures;
  }
}
