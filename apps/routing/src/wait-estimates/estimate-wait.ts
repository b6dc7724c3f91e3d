/** What a queue's estimated wait is computed from. */
export interface WaitBasis {
  /** Median assigned → resolved seconds of the queue's recent conversations; null: no history. */
  medianHandleSeconds: number | null;
  /** Chat slots (max concurrent chats) of the agents online who serve the queue. */
  onlineSlots: number;
}

/**
 * A rough wait for the conversation at `position` (1 = next): each online slot frees about
 * once per median handling time, so `position` slots free in position × median / slots.
 * Null when there is no recent history or nobody online to serve the queue: the visitor is
 * then told nothing rather than a guess. Whole seconds, at least 1.
 */
export function estimateWaitSeconds(position: number, basis: WaitBasis): number | null {
  if (basis.medianHandleSeconds === null || basis.onlineSlots <= 0) return null;
  const seconds = (position * basis.medianHandleSeconds) / basis.onlineSlots;
  return Math.max(1, Math.round(seconds));
}
