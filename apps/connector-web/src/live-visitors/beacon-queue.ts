import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';
import type { VisitorIdentity } from '../visitor-sessions/visitor-sessions.service';
import type {
  BeaconClient,
  QueuedLeave,
  QueuedView,
  StoredVisitor,
  VisitorBeacons,
} from './beacon-types';
import { VisitStore } from './visit-store';

// Under overload a visitor keeps at most this many page-leave durations waiting.
const MAX_LEAVES_WHEN_COALESCING = 5;

/** What happens after a flush committed: live events, auto-invitations. */
export type AfterFlush = (stored: StoredVisitor[]) => Promise<void>;

/**
 * Page views are sampled, not messages: each beacon is answered once it is queued here, and
 * the queue is written every BEACON_FLUSH_MS (or as soon as BEACON_BATCH_ROWS are waiting) in
 * a few multi-row statements. Past BEACON_MAX_PENDING_ROWS waiting, each visitor keeps only
 * their latest page (intermediate pages of a burst are dropped), so memory stays bounded and
 * the live view stays right: a visitor is never dropped, only their older pages.
 */
@Injectable()
export class BeaconQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BeaconQueue.name);
  private pending = new Map<string, VisitorBeacons>();
  private rows = 0;
  private flushing: Promise<void> | null = null;
  private timer?: NodeJS.Timeout;
  private afterFlush: AfterFlush = () => Promise.resolve();
  /** Page views dropped by coalescing since start (a gauge of overload). */
  coalesced = 0;

  constructor(
    private readonly store: VisitStore,
    @Inject(SERVICE_ENV) private readonly env: ConnectorWebEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.env.BEACON_FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // What was admitted is written before the process goes.
    await this.flush();
  }

  /** Who acts on stored page views (set once by the live-visitors feature). */
  onFlushed(afterFlush: AfterFlush): void {
    this.afterFlush = afterFlush;
  }

  get pendingRows(): number {
    return this.rows;
  }

  enqueue(
    visitor: VisitorIdentity,
    client: BeaconClient,
    views: QueuedView[],
    leaves: QueuedLeave[],
  ): void {
    let entry = this.pending.get(visitor.visitorId);
    if (!entry) {
      entry = { visitor, client, views: [], leaves: [] };
      this.pending.set(visitor.visitorId, entry);
    }
    entry.client = client;
    entry.views.push(...views);
    entry.leaves.push(...leaves);
    this.rows += views.length + leaves.length;
    if (this.rows > this.env.BEACON_MAX_PENDING_ROWS) this.coalesce(entry);
    if (this.rows >= this.env.BEACON_BATCH_ROWS) this.kick();
  }

  /** Writes everything queued so far (and waits for a flush under way). */
  async flush(): Promise<void> {
    while (this.flushing || this.pending.size > 0) {
      this.kick();
      await this.flushing;
    }
  }

  private kick(): void {
    if (this.flushing || this.pending.size === 0) return;
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      const batch = this.take(this.env.BEACON_BATCH_ROWS);
      let stored: StoredVisitor[];
      try {
        stored = await this.store.write(batch);
      } catch (error) {
        this.logger.warn({ err: error, visitors: batch.length }, 'page views not stored; retrying');
        this.putBack(batch);
        return;
      }
      // Not awaited: events and invitations must not hold up the next batch.
      this.afterFlush(stored).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'live visitor updates failed after a flush'),
      );
    }
  }

  /** Whole visitors, oldest first, until about `maxRows` rows. */
  private take(maxRows: number): VisitorBeacons[] {
    const batch: VisitorBeacons[] = [];
    let rows = 0;
    for (const [visitorId, entry] of this.pending) {
      if (rows > 0 && rows + entry.views.length + entry.leaves.length > maxRows) break;
      this.pending.delete(visitorId);
      batch.push(entry);
      rows += entry.views.length + entry.leaves.length;
    }
    this.rows -= rows;
    return batch;
  }

  // A failed write keeps the visitors' latest pages for the next tick.
  private putBack(batch: VisitorBeacons[]): void {
    for (const entry of batch) {
      const newer = this.pending.get(entry.visitor.visitorId);
      if (newer) {
        newer.views.unshift(...entry.views);
        newer.leaves.unshift(...entry.leaves);
      } else {
        this.pending.set(entry.visitor.visitorId, entry);
      }
      this.rows += entry.views.length + entry.leaves.length;
      this.coalesce(this.pending.get(entry.visitor.visitorId)!);
    }
  }

  private coalesce(entry: VisitorBeacons): void {
    const droppedViews = Math.max(0, entry.views.length - 1);
    const droppedLeaves = Math.max(0, entry.leaves.length - MAX_LEAVES_WHEN_COALESCING);
    if (droppedViews + droppedLeaves === 0) return;
    entry.views = entry.views.slice(-1);
    entry.leaves = entry.leaves.slice(-MAX_LEAVES_WHEN_COALESCING);
    this.rows -= droppedViews + droppedLeaves;
    this.coalesced += droppedViews;
  }
}
