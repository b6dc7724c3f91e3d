import type { QueueEntryView } from '@hub/contracts';
import { estimateWaitSeconds } from './estimate-wait';
import { queueKey, type WaitBasisQuery } from './wait-basis.query';

/** A queue position with where it waits. */
export interface Placed {
  departmentId: string | null;
  position: number;
}

/**
 * The estimated wait of each placed entry, in order, reading the basis of their queues once
 * (one query however many entries): called where positions are published or read.
 */
export async function estimateWaits(
  query: WaitBasisQuery,
  workspaceId: string,
  placed: readonly Placed[],
): Promise<(number | null)[]> {
  if (placed.length === 0) return [];
  const bases = await query.load(
    workspaceId,
    placed.map((entry) => entry.departmentId),
  );
  return placed.map((entry) => {
    const basis = bases.get(queueKey(entry.departmentId));
    return basis ? estimateWaitSeconds(entry.position, basis) : null;
  });
}

/** `entries` with their estimated waits. */
export async function withEstimatedWaits(
  query: WaitBasisQuery,
  workspaceId: string,
  entries: Omit<QueueEntryView, 'estimatedWaitSeconds'>[],
): Promise<QueueEntryView[]> {
  const waits = await estimateWaits(query, workspaceId, entries);
  return entries.map((entry, i) => ({ ...entry, estimatedWaitSeconds: waits[i] }));
}
