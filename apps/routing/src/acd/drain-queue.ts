import type { EntityManager } from 'typeorm';
import { planAssignments, type Candidate, type Waiting } from './plan-assignments';
import { recordAssignments } from './route-store';
import type { RoutingEffects } from './routing-effects';
import { queryRows } from './sql';

const BATCH = 500;

/**
 * Gives every free slot of the workspace to the queue, in order. Runs inside the workspace
 * lock, so what it reads (loads, presence, the queue) cannot change before commit.
 */
export async function drainQueue(
  tx: EntityManager,
  workspaceId: string,
  effects: RoutingEffects,
): Promise<void> {
  for (;;) {
    const { queue, candidates } = await loadQueueAndCandidates(tx, workspaceId);
    if (queue.length === 0 || candidates.length === 0) return;
    const plan = planAssignments(queue, candidates, new Date());
    await recordAssignments(tx, plan, effects);
    // A full batch taken whole may have more behind it.
    if (queue.length < BATCH || plan.length < queue.length) return;
  }
}

interface Loaded {
  queue: Waiting[];
  candidates: (Omit<Candidate, 'lastAssignedAt'> & { lastAssignedAt: number | null })[];
}

/**
 * The head of the queue and the agents the plan can possibly choose, in one round trip. Not
 * all online agents: for each department in the batch, its best 2n+1 free agents in the
 * plan's own order (n = conversations in the batch). A drain of n makes at most n picks and
 * honours at most n exclusions, each spoiling at most one agent, so one of those 2n+1 always
 * ranks before anyone left out: the plan is the same as with every agent, for a fraction of
 * the rows (an arrival alone reads 3 agents, not 500).
 */
async function loadQueueAndCandidates(
  tx: EntityManager,
  workspaceId: string,
): Promise<{ queue: Waiting[]; candidates: Candidate[] }> {
  const [loaded] = await queryRows<Loaded>(
    tx,
    `with queue as (
       select conversation_id, department_id, excluded_agent_id, queue_rank, enqueued_at
         from routing.routes
        where workspace_id = $1 and state = 'queued'
        order by queue_rank, enqueued_at, conversation_id
        limit ${BATCH}
     ), picked as (
       select distinct best.agent_id
         from (select distinct department_id from queue) d
         cross join lateral (
           select s.agent_id
             from routing.agent_status s
             join routing.agents a on a.id = s.agent_id
            where s.workspace_id = $1 and s.presence = 'online' and s.active_chats < a.max_concurrent_chats
              and (d.department_id is null or exists (
                select 1 from routing.department_agents da
                 where da.department_id = d.department_id and da.agent_id = s.agent_id))
            -- compareCandidates' order (its clock has milliseconds)
            order by s.active_chats, date_trunc('milliseconds', s.last_assigned_at) nulls first, s.agent_id
            limit (select 2 * count(*) + 1 from queue)
         ) best
     )
     select
       (select coalesce(json_agg(json_build_object(
                 'conversationId', q.conversation_id, 'departmentId', q.department_id,
                 'excludedAgentId', q.excluded_agent_id)
               order by q.queue_rank, q.enqueued_at, q.conversation_id), '[]')
          from queue q) as queue,
       (select coalesce(json_agg(json_build_object(
                 'agentId', s.agent_id, 'activeChats', s.active_chats, 'maxChats', a.max_concurrent_chats,
                 'lastAssignedAt', (extract(epoch from date_trunc('milliseconds', s.last_assigned_at)) * 1000)::bigint,
                 'departmentIds', coalesce((select array_agg(da.department_id) from routing.department_agents da
                                             where da.agent_id = s.agent_id), '{}'))), '[]')
          from picked p
          join routing.agent_status s on s.agent_id = p.agent_id
          join routing.agents a on a.id = s.agent_id) as candidates`,
    [workspaceId],
  );
  return {
    queue: loaded.queue,
    candidates: loaded.candidates.map((candidate) => ({
      ...candidate,
      lastAssignedAt: candidate.lastAssignedAt === null ? null : new Date(candidate.lastAssignedAt),
    })),
  };
}
