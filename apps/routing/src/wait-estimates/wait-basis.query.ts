import { queryRows, type Queryable } from '../sql';
import type { WaitBasis } from './estimate-wait';

/** The handling times an estimate reads: the last ones, of the last days only. */
export const HANDLING_HISTORY = { conversations: 50, days: 7 } as const;

/** Queue key: a department id, or `''` for the workspace-wide queue. */
export const queueKey = (departmentId: string | null) => departmentId ?? '';

/**
 * The basis of the estimated wait of each queue named, in one round trip: the median handling
 * time of its last {@link HANDLING_HISTORY} conversations (a department's own; the
 * workspace's for the workspace-wide queue) and the chat slots of its agents online. Each
 * median reads at most 50 rows through an index, so the cost does not grow with history.
 */
export class WaitBasisQuery {
  constructor(private readonly db: Queryable) {}

  async load(
    workspaceId: string,
    departmentIds: readonly (string | null)[],
  ): Promise<Map<string, WaitBasis>> {
    const queues = [...new Set(departmentIds.map(queueKey))];
    if (queues.length === 0) return new Map();
    const rows = await queryRows<{ queue: string; median: number | null; slots: number }>(
      this.db,
      `with recent as (
         select department_id, handle_seconds, resolved_at from routing.handling_times
          where workspace_id = $1 and resolved_at > now() - make_interval(days => $3)
       ), online as (
         select s.agent_id, a.max_concurrent_chats as slots
           from routing.agent_status s join routing.agents a on a.id = s.agent_id
          where s.workspace_id = $1 and s.presence = 'online' and a.active
       )
       select q.queue,
              (select percentile_cont(0.5) within group (order by h.handle_seconds)
                 from (select handle_seconds from recent
                        where q.queue = '' or department_id = nullif(q.queue, '')::uuid
                        order by resolved_at desc limit $4) h)::float8 as median,
              (select coalesce(sum(o.slots), 0)::int from online o
                where q.queue = '' or exists (
                  select 1 from routing.department_agents da
                   where da.department_id = nullif(q.queue, '')::uuid and da.agent_id = o.agent_id)) as slots
         from unnest($2::text[]) as q(queue)`,
      [workspaceId, queues, HANDLING_HISTORY.days, HANDLING_HISTORY.conversations],
    );
    return new Map(
      rows.map((row) => [row.queue, { medianHandleSeconds: row.median, onlineSlots: row.slots }]),
    );
  }
}
