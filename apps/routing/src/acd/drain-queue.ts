import type { RoutingData } from '../routing-data';
import type { DrainBatch } from './drain-snapshot.query';
import { planAssignments } from './plan-assignments';
import type { RoutingEffects } from './routing-effects';

/** Waiting conversations a drain reads at a time. */
export const DRAIN_BATCH = 500;

/**
 * Gives every free slot of the workspace to the queue, in order. Runs inside the workspace
 * lock, so what it reads (loads, presence, the queue) cannot change before commit. One read
 * and one write per batch of up to DRAIN_BATCH waiting conversations. `firstBatch`: the first read,
 * when it was sent along with the lock (workspace-lock.ts).
 */
export async function drainQueue(
  data: RoutingData,
  workspaceId: string,
  effects: RoutingEffects,
  firstBatch?: DrainBatch,
): Promise<void> {
  let read: DrainBatch | undefined = firstBatch;
  for (;;) {
    const { queue, candidates, snapshot } =
      read ?? (await data.drainSnapshot.load(workspaceId, DRAIN_BATCH));
    read = undefined;
    effects.drainSnapshot = snapshot;
    effects.drainEmptiedQueue = queue.length === 0;
    if (queue.length === 0 || candidates.length === 0) return;
    const plan = planAssignments(queue, candidates, new Date());
    await data.routes.recordAssignments(plan);
    for (const { conversationId } of plan) effects.toApply.add(conversationId);
    effects.drainEmptiedQueue = plan.length === queue.length && queue.length < DRAIN_BATCH;
    // A full batch taken whole may have more behind it.
    if (queue.length < DRAIN_BATCH || plan.length < queue.length) return;
  }
}
