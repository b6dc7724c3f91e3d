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

/**
 * The waiting lines: queued routes in queue order, numbered per department (1 = next). The
 * `position` column holds the number last announced to the visitor.
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
   * Lengths as visitors and agents were last told: only entries already given a position count,
   * so a conversation that arrives and is assigned in one go never shows as a blip.
   */
  announcedLengths(workspaceId: string): Promise<QueueLength[]> {
    return queryRows<QueueLength>(
      this.db,
      `select department_id as "departmentId", count(*)::int as length
         from routing.routes
        where workspace_id = $1 and state = 'queued' and position is not null
        group by department_id`,
      [workspaceId],
    );
  }

  /**
   * Renumbers the workspace's queues in one statement: who moved, and each queue's length.
   * An arrival gets its first position only when `drainSnapshot` saw it: one inserted while the
   * drain ran was not considered for an agent, and must still run its own drain (`arrive` skips
   * it only once it has a position). Ranks count every waiting conversation all the same.
   */
  async renumber(
    workspaceId: string,
    drainSnapshot: string | null,
  ): Promise<{
    moved: MovedEntry[];
    lengths: QueueLength[];
  }> {
    const [renumbered] = await queryRows<{
      moved: MovedEntry[];
      lengths: QueueLength[];
    }>(
      this.db,
      `with ranked as (
         select conversation_id, department_id, position, enqueued_xact,
                row_number() over (partition by department_id order by ${QUEUE_ORDER_SQL})::int as pos
           from routing.routes
          where workspace_id = $1 and state = 'queued'
       ), numbered as (
         select * from ranked
          where position is not null or enqueued_xact is null
             or pg_visible_in_snapshot(enqueued_xact::text::xid8, $2::pg_snapshot)
       ), moved as (
         update routing.routes r set position = numbered.pos
           from numbered
          where r.conversation_id = numbered.conversation_id and r.position is distinct from numbered.pos
          returning r.conversation_id, r.position, r.department_id
       )
       select
         (select coalesce(json_agg(json_build_object('conversationId', conversation_id, 'position', position,
                                                     'departmentId', department_id)), '[]')
            from moved) as moved,
         (select coalesce(json_agg(json_build_object('departmentId', department_id, 'length', length)), '[]')
            from (select department_id, count(*)::int as length from numbered group by department_id) l) as lengths`,
      [workspaceId, drainSnapshot],
    );
    return renumbered;
  }
}
