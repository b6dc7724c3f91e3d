import type { QueueChangedRealtime, QueuePositionRealtime } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import type { RoutingEffects } from './routing-effects';
import { queryRows } from './sql';

/** Queue lengths by department (`''` = the workspace-wide queue). */
export type QueueLengths = Map<string, number>;

const key = (departmentId: string | null) => departmentId ?? '';

/**
 * Lengths as visitors and agents were last told: only entries already given a position count,
 * so a conversation that arrives and is assigned in one go never shows as a blip.
 */
export async function announcedQueueLengths(
  tx: EntityManager,
  workspaceId: string,
): Promise<QueueLengths> {
  const rows = await queryRows<{ departmentId: string | null; length: number }>(
    tx,
    `select department_id as "departmentId", count(*)::int as length
       from routing.routes
      where workspace_id = $1 and state = 'queued' and position is not null
      group by department_id`,
    [workspaceId],
  );
  return new Map(rows.map((row) => [key(row.departmentId), row.length]));
}

/**
 * Renumbers the workspace's queues (1 = next) and records, for publication after commit, each
 * conversation whose position changed and each queue whose length differs from `before`
 * (afterwards every waiting conversation has been told its position).
 */
export async function refreshQueues(
  tx: EntityManager,
  workspaceId: string,
  before: QueueLengths,
  effects: RoutingEffects,
): Promise<void> {
  const [refreshed] = await queryRows<{
    moved: Omit<QueuePositionRealtime, 'type'>[];
    lengths: { departmentId: string | null; length: number }[];
  }>(
    tx,
    `with ranked as (
       select conversation_id, department_id,
              row_number() over (partition by department_id order by queue_rank, enqueued_at, conversation_id)::int as pos
         from routing.routes
        where workspace_id = $1 and state = 'queued'
     ), moved as (
       update routing.routes r set position = ranked.pos
         from ranked
        where r.conversation_id = ranked.conversation_id and r.position is distinct from ranked.pos
        returning r.conversation_id, r.position
     )
     select
       (select coalesce(json_agg(json_build_object('conversationId', conversation_id, 'position', position)), '[]')
          from moved) as moved,
       (select coalesce(json_agg(json_build_object('departmentId', department_id, 'length', length)), '[]')
          from (select department_id, count(*)::int as length from ranked group by department_id) l) as lengths`,
    [workspaceId],
  );
  for (const { conversationId, position } of refreshed.moved) {
    effects.positions.push({ type: 'queue.position', conversationId, position });
  }
  const after: QueueLengths = new Map(
    refreshed.lengths.map((row) => [key(row.departmentId), row.length]),
  );
  for (const department of new Set([...before.keys(), ...after.keys()])) {
    const length = after.get(department) ?? 0;
    if (length === (before.get(department) ?? 0)) continue;
    const changed: QueueChangedRealtime = {
      type: 'queue.changed',
      workspaceId,
      departmentId: department === '' ? null : department,
      length,
    };
    effects.queues.push(changed);
  }
}
