import type { QueueChangedRealtime } from '@hub/contracts';
import type { RoutingEffects } from '../acd/routing-effects';
import type { RoutingData } from '../routing-data';
import { estimateWaits } from '../wait-estimates/wait-estimates';
import type { QueueLength } from './queue.repository';

/** Queue lengths by department (`''` = the workspace-wide queue). */
export type QueueLengths = Map<string, number>;

const key = (departmentId: string | null) => departmentId ?? '';
const byDepartment = (lengths: readonly QueueLength[]): QueueLengths =>
  new Map(lengths.map((row) => [key(row.departmentId), row.length]));

/**
 * Lengths as visitors and agents were last told (read first under the workspace lock), and
 * whether the arrivals `arrivalIds` (if any) were all handled by drains since they were queued.
 */
export async function announcedQueues(
  data: RoutingData,
  workspaceId: string,
  arrivalIds: readonly string[],
): Promise<{ lengths: QueueLengths; arrivalHandled: boolean }> {
  const { lengths, arrivalHandled } = await data.queue.announced(workspaceId, arrivalIds);
  return { lengths: byDepartment(lengths), arrivalHandled };
}

/**
 * Numbers the heads of the workspace's queues (queue.repository.ts) and records, for
 * publication after commit, each conversation whose position changed and each queue whose
 * length differs from `before`. When the drain just took every conversation it saw waiting,
 * nothing is left to number (an arrival it did not see gets no position yet): every queue is
 * empty, and no statement is needed.
 */
export async function refreshQueues(
  data: RoutingData,
  workspaceId: string,
  before: QueueLengths,
  effects: RoutingEffects,
): Promise<void> {
  const { moved, lengths } = effects.drainEmptiedQueue
    ? { moved: [], lengths: [] }
    : await data.queue.renumber(workspaceId, effects.drainSnapshot, {
        wholeQueues: effects.renumberWholeQueues,
      });
  // One query for all the queues that moved, only when something moved.
  const waits = await estimateWaits(data.waitBasis, workspaceId, moved);
  for (const [i, { conversationId, position }] of moved.entries()) {
    effects.positions.push({
      type: 'queue.position',
      conversationId,
      position,
      estimatedWaitSeconds: waits[i],
    });
  }
  const after = byDepartment(lengths);
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
