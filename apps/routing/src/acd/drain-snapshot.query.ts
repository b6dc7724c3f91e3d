import type { Queryable } from '../sql';
import { queryRows } from '../sql';
import type { Candidate, Waiting } from './plan-assignments';
import { QUEUE_ORDER_SQL } from './route.entity';

/** One read of a drain: the head of the queue, the agents it may go to, the statement's snapshot. */
export interface DrainBatch {
  queue: Waiting[];
  candidates: Candidate[];
  snapshot: string;
}

interface Loaded {
  snapshot: string;
  queue: Waiting[];
  candidates: (Omit<Candidate, 'lastAssignedAt'> & { lastAssignedAt: number | null })[];
}

/**
 * What one drain decides on: the head of the workspace's queue and the agents the plan can
 * possibly choose, read across routes, agents, their status and departments in one round
 * trip (the assignment path). Not all online agents: for each department in the batch, its
 * best 2n+1 free agents in the plan's own order (n = conversations in the batch). A drain of
 * n makes at most n picks and honours at most n exclusions, each spoiling at most one agent,
 * so one of those 2n+1 always ranks before anyone left out: the plan is the same as with
 * every agent, for a fraction of the rows: an arrival alone reads 3 agents, not 500, in
 * ix_agent_status_free's order (nothing sorted), and the picked rows carry what the plan needs.
 * `snapshot` is the statement's: which arrivals the drain saw (queue.repository.ts numbers only those).
 */
export class DrainSnapshotQuery {
  constructor(private readonly db: Queryable) {}

  async load(workspaceId: string, batch: number): Promise<DrainBatch> {
    const [loaded] = await queryRows<Loaded>(
      this.db,
      `with queue as (
         select conversation_id, department_id, excluded_agent_id, priority, queue_rank, enqueued_at
           from routing.routes
          where workspace_id = $1 and state = 'queued'
          order by ${QUEUE_ORDER_SQL}
          limit $2
       ), picked as (
         select distinct on (best.agent_id) best.*
           from (select distinct department_id from queue) d
           cross join lateral (
             select s.agent_id, s.active_chats, a.max_concurrent_chats, s.last_assigned_at
               from routing.agent_status s
               join routing.agents a on a.id = s.agent_id
              where s.workspace_id = $1 and s.presence = 'online' and s.active_chats < a.max_concurrent_chats
                and (d.department_id is null or exists (
                  select 1 from routing.department_agents da
                   where da.department_id = d.department_id and da.agent_id = s.agent_id))
              -- compareCandidates' order: ix_agent_status_free's, scanned until the limit
              order by s.active_chats, s.last_assigned_at nulls first, s.agent_id
              limit (select 2 * count(*) + 1 from queue)
           ) best
       )
       select
         pg_current_snapshot()::text as snapshot,
         (select coalesce(json_agg(json_build_object(
                   'conversationId', q.conversation_id, 'departmentId', q.department_id,
                   'excludedAgentId', q.excluded_agent_id)
                 order by q.priority, q.queue_rank, q.enqueued_at, q.conversation_id), '[]')
            from queue q) as queue,
         (select coalesce(json_agg(json_build_object(
                   'agentId', p.agent_id, 'activeChats', p.active_chats, 'maxChats', p.max_concurrent_chats,
                   'lastAssignedAt', (extract(epoch from p.last_assigned_at) * 1000)::bigint,
                   'departmentIds', coalesce((select array_agg(da.department_id) from routing.department_agents da
                                               where da.agent_id = p.agent_id), '{}'))), '[]')
            from picked p) as candidates`,
      [workspaceId, batch],
    );
    return {
      snapshot: loaded.snapshot,
      queue: loaded.queue,
      candidates: loaded.candidates.map((candidate) => ({
        ...candidate,
        lastAssignedAt:
          candidate.lastAssignedAt === null ? null : new Date(candidate.lastAssignedAt),
      })),
    };
  }
}
