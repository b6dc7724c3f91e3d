import type {
  PresenceChangedRealtime,
  QueueChangedRealtime,
  QueuePositionRealtime,
} from '@hub/contracts';

/**
 * What one routing transaction changed that others must hear about, collected inside the
 * transaction and acted on only after it commits: realtime notices, and the decisions the
 * conversation service must apply.
 */
export class RoutingEffects {
  /** Set when a slot may have freed or a conversation may be waiting: drain the queue. */
  drain = false;
  /** Set when a conversation entered, left or moved between queues outside a drain. */
  queueTouched = false;
  readonly positions: QueuePositionRealtime[] = [];
  readonly queues: QueueChangedRealtime[] = [];
  readonly presence: PresenceChangedRealtime[] = [];
  /** Conversations whose route changed: apply to the conversation service. */
  readonly toApply = new Set<string>();
  /**
   * The snapshot (`pg_current_snapshot()`) of this transaction's last drain read, null when it
   * drained nothing: arrivals outside it were not considered, so they get no position yet.
   */
  drainSnapshot: string | null = null;
  /**
   * The last drain assigned every conversation its snapshot saw waiting (up to `drainSnapshot`,
   * every queue is empty): the positions need no renumbering.
   */
  drainEmptiedQueue = false;
  /**
   * Renumber every waiting conversation, not only the head of each queue: set by the periodic
   * sweep, so one far back hears how far it moved at least that often, at a cost bounded by
   * time rather than paid on every queue event.
   */
  renumberWholeQueues = false;

  constructor(readonly workspaceId: string) {}
}
