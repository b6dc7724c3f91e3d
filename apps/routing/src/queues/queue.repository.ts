import type { QueueEntryView } from '@hub/contracts';
import { QUEUE_ORDER_SQL } from '../acd/route.entity';
import { queryRows, type Queryable } from '../sql';

export interface QueueLength {
  /** null: the workspace-wide queue. */
  departmentId: string | null;
  length: number;
}

/** A conversation given a new position, in the queue of `departmentId` (null: workspace-wide). */
export interface MovedEntry {
  conversationId: string;
  departmentId: string | null;
  position: number;
}

/** How many of each queue's first conversations are renumbered on every queue event. */
export const RENUMBERED_HEAD = 50;

// A row that may carry a position: told one already, queued under the lock, or an arrival
// the drain's snapshot ($2) saw.
const NUMBERED = (route: string) =>
  `(${route}.position is not null or ${route}.enqueued_xact is null
    or pg_visible_in_snapshot(${route}.enqueued_xact::text::xid8, $2::pg_snapshot))`;

// Of the arrivals without a position, those the drain's snapshot ($2) did not see.
const UNSEEN = `r.enqueued_xact is not null
  and not coalesce(pg_visible_in_snapshot(r.enqueued_xact::text::xid8, $2::pg_snapshot), false)`;

// Whether a drain has handled every conversation of the uuid array `ids` (a parameter) since it
// was queued: each was assigned or given a position (an empty array: no).
const allHandled = (ids: string) => `cardinality(${ids}::uuid[]) > 0 and not exists (
  select 1 from unnest(${ids}::uuid[]) as queued(id)
   where not exists (select 1 from routing.routes
                      where conversation_id = queued.id
                        and (state = 'assigned' or position is not null)))`;

// Each of $1's queue lengths, leaving out the rows without a position that match `left` (a
// condition on r): the waiting rows are counted from ix_routes_department_queue alone, and the
// few left out are found through ix_routes_unnumbered.
const lengthsWithout = (left: string) =>
  `select department_id as "departmentId", sum(n)::int as length from (
     select department_id, 1 as n from routing.routes where workspace_id = $1 and state = 'queued'
     union all
     select r.department_id, -1 from routing.routes r
      where r.workspace_id = $1 and r.state = 'queued' and r.position is null and ${left}
   ) counted
   group by department_id having sum(n) > 0`;

// The first $3 of one queue (`queue`: a condition on r.department_id), ranked in queue order.
const headOf = (queue: string) =>
  `select r.conversation_id, r.department_id, r.position, r.enqueued_xact,
          row_number() over (order by ${QUEUE_ORDER_SQL})::int as pos
     from routing.routes r
    where r.workspace_id = $1 and r.state = 'queued' and ${queue}
    order by ${QUEUE_ORDER_SQL}
    limit $3`;

// How many wait ahead of r in its queue (`queue`: a condition on a.department_id).
const countAhead = (queue: string) =>
  `select count(*)::int from routing.routes a
    where a.workspace_id = $1 and a.state = 'queued' and ${queue}
      and (a.priority, a.queue_rank, a.enqueued_at, a.conversation_id)
          < (r.priority, r.queue_rank, r.enqueued_at, r.conversation_id)`;

/**
 * The waiting lines: queued routes in queue order, numbered per department (1 = next). The
 * `position` column holds the number last announced to the visitor (exact in the first
 * RENUMBERED_HEAD of a queue; further back, as of its arrival or its last move).
 */
export class QueueRepository {
  constructor(private readonly db: Queryable) {}

  /** The workspace's waiting conversations in routing order, each with its position in its queue. */
  waiting(
    workspaceId: string,
    departmentId?: string,
  ): Promise<Omit<QueueEntryView, 'estimatedWaitSeconds'>[]> {
    return queryRows<Omit<QueueEntryView, 'estimatedWaitSeconds'>>(
      this.db,
      `select conversation_id as "conversationId", department_id as "departmentId",
              row_number() over (partition by department_id order by ${QUEUE_ORDER_SQL})::int as position,
              to_char(enqueued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "enqueuedAt", vip
         from routing.routes
        where workspace_id = $1 and state = 'queued' and ($2::uuid is null or department_id = $2::uuid)
        order by ${QUEUE_ORDER_SQL}`,
      [workspaceId, departmentId ?? null],
    );
  }

  /**
   * One waiting conversation with its position in its queue (none when it is not waiting),
   * counted from the rows ahead of it in ix_routes_department_queue rather than by ranking the
   * whole queue.
   */
  entry(
    workspaceId: string,
    conversationId: string,
  ): Promise<Omit<QueueEntryView, 'estimatedWaitSeconds'>[]> {
    return queryRows<Omit<QueueEntryView, 'estimatedWaitSeconds'>>(
      this.db,
      `select r.conversation_id as "conversationId", r.department_id as "departmentId",
              1 + case when r.department_id is null
                    then (${countAhead('a.department_id is null')})
                    else (${countAhead('a.department_id = r.department_id')}) end as position,
              to_char(r.enqueued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "enqueuedAt", r.vip
         from routing.routes r
        where r.workspace_id = $1 and r.conversation_id = $2 and r.state = 'queued'`,
      [workspaceId, conversationId],
    );
  }

  /**
   * Lengths as visitors and agents were last told: only entries already given a position count,
   * so a conversation that arrives and is assigned in one go never shows as a blip. With
   * `arrivalIds`, in the same round trip: whether a drain has run since each of those arrivals
   * was queued (each was assigned or given a position), so there is nothing left to do.
   */
  async announced(
    workspaceId: string,
    arrivalIds: readonly string[],
  ): Promise<{ lengths: QueueLength[]; arrivalHandled: boolean }> {
    const [announced] = await queryRows<{ lengths: QueueLength[]; arrivalHandled: boolean }>(
      this.db,
      // The lengths only when there is work: a burst's handled arrivals read one row.
      `with arrival as (select ${allHandled('$2')} as handled)
       select handled as "arrivalHandled",
              case when handled then '[]'::json
                   else (select coalesce(json_agg(l), '[]') from (${lengthsWithout('true')}) l) end as lengths
         from arrival`,
      [workspaceId, arrivalIds],
    );
    return announced;
  }

  /**
   * Numbers the heads of the workspace's queues and its new arrivals, in one statement: who
   * moved, and each queue's length. Only the first `RENUMBERED_HEAD` of each queue are
   * renumbered (and so re-announced) when someone ahead of them leaves or jumps in; further
   * back a conversation keeps the position it was last told until it reaches the head or the
   * sweep's periodic correction (`wholeQueues`) reaches it, so a
   * queue event writes and announces at most `RENUMBERED_HEAD` rows per queue, however long
   * the queue (an arrival at the back of 5,000 writes one row, not 5,000). An arrival anywhere
   * gets its first position at once, counted from the rows ahead of it in the queue's index.
   * An arrival gets its first position only when `drainSnapshot` saw it: one inserted while the
   * drain ran was not considered for an agent, and must still run its own drain (`arrive` skips
   * it only once it has a position). Ranks count every waiting conversation all the same.
   */
  async renumber(
    workspaceId: string,
    drainSnapshot: string | null,
    { wholeQueues = false }: { wholeQueues?: boolean } = {},
  ): Promise<{
    moved: MovedEntry[];
    lengths: QueueLength[];
  }> {
    const [renumbered] = await queryRows<{
      moved: MovedEntry[];
      lengths: QueueLength[];
    }>(
      this.db,
      `with recursive departments(department_id) as (
         -- each department with someone waiting, one probe of ix_routes_department_queue each
         (select department_id from routing.routes
           where workspace_id = $1 and state = 'queued' and department_id is not null
           order by department_id limit 1)
         union all
         select (select r.department_id from routing.routes r
                  where r.workspace_id = $1 and r.state = 'queued' and r.department_id > d.department_id
                  order by r.department_id limit 1)
           from departments d where d.department_id is not null
       ), heads as (
         select head.* from departments d cross join lateral (${headOf('r.department_id = d.department_id')}) head
          where d.department_id is not null
         union all
         (${headOf('r.department_id is null')})
       ), fresh as (
         select r.conversation_id, r.department_id, 1 + case when r.department_id is null
                  then (${countAhead('a.department_id is null')})
                  else (${countAhead('a.department_id = r.department_id')}) end as pos
           from routing.routes r
          where r.workspace_id = $1 and r.state = 'queued' and r.position is null and ${NUMBERED('r')}
            and not exists (select 1 from heads h where h.conversation_id = r.conversation_id)
       ), numbered as (
         select conversation_id, pos from heads r where ${NUMBERED('r')}
         union all
         select conversation_id, pos from fresh
       ), moved as (
         -- by primary key (= any): joined on the estimate of heads, the planner would scan the table
         update routing.routes r set position = numbered.pos
           from numbered
          where r.conversation_id = any (array(select conversation_id from numbered))
            and r.conversation_id = numbered.conversation_id and r.position is distinct from numbered.pos
          returning r.conversation_id, r.position, r.department_id
       )
       select
         (select coalesce(json_agg(json_build_object('conversationId', conversation_id, 'position', position,
                                                     'departmentId', department_id)), '[]')
            from moved) as moved,
         (select coalesce(json_agg(json_build_object('departmentId', l."departmentId", 'length', l.length)), '[]')
            from (${lengthsWithout(UNSEEN)}) l) as lengths`,
      // LIMIT NULL is no limit: the whole of each queue.
      [workspaceId, drainSnapshot, wholeQueues ? null : RENUMBERED_HEAD],
    );
    return renumbered;
  }
}
