import type { RoutingData } from '../routing-data';
import { planAssignments } from './plan-assignments';
import type { RoutingEffects } from './routing-effects';

const BATCH = 500;

/**
 * Gives every free slot of the workspace to the queue, in order. Runs inside the workspace
 * lock, so what it reads (loads, presence, the queue) cannot change before commit. One read
 * and one write per batch of up to BATCH waiting conversations.
 */
export async function drainQueue(
  data: RoutingData,
  workspaceId: string,
  effects: RoutingEffects,
): Promise<void> {
  for (;;) {
    const { queue, candidates, snapshot } = await data.drainSnapshot.load(workspaceId, BATCH);
    effects.drainSnapshot = snapshot;
    effects.drainEmptiedQueue = queue.length === 0;
    if (queue.length === 0 || candidates.length === 0) return;
    const plan = planAssignments(queue, candidates, new Date());
    await data.routes.recordAssignments(plan);
    for (const { conversationId } of plan) effects.toApply.add(conversationId);
    effects.drainEmptiedQueue = plan.length === queue.length && queue.length < BATCH;
    // A full batch taken whole may have more behind it.
    if (queue.length < BATCH || plan.length < queue.length) return;
  }
}
