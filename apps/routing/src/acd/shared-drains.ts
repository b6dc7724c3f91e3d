import type { DataSource } from 'typeorm';
import { QueueRepository } from '../queues/queue.repository';
import { RoutingEffects } from './routing-effects';
import { drainInWorkspaceLock } from './workspace-lock';

/** The next drain of a workspace: the arrivals waiting for it, and its outcome. */
interface NextDrain {
  readonly arrivalIds: string[];
  readonly done: Promise<RoutingEffects>;
}

const ignore = () => undefined;

/**
 * Arrivals of one workspace in one routing process share drains: while a drain runs, every
 * arrival queued meanwhile joins the next one, which starts once the running one has finished.
 *
 * Why: the workspace lock is held until commit, so every transaction that takes it is a
 * serial section. When each arrival drained on its own, a burst of N arrivals ran N locked
 * transactions, most of them only to find their conversation handled by the drain before; each
 * also held a pooled connection while it waited for the lock. Now a burst costs about two per
 * process (the running drain and the next), whatever N. Drains of different workspaces still
 * run in parallel, and other replicas' drains interleave through the lock as before.
 *
 * The drain's first arrival gets its effects to act on; the others get none, as when another
 * replica's drain handles an arrival. A failed drain fails every arrival that waited for it, so
 * each is redelivered.
 */
export class SharedDrains {
  private readonly next = new Map<string, NextDrain>();
  /** Settles when the workspace's latest drain has: the next one starts after it. */
  private readonly latest = new Map<string, Promise<void>>();

  private readonly queue: QueueRepository;

  constructor(private readonly dataSource: DataSource) {
    this.queue = new QueueRepository(dataSource.manager);
  }

  /** Waits for a drain that starts after `arrivalId` was queued (committed) in the workspace. */
  async drainAfter(workspaceId: string, arrivalId: string): Promise<RoutingEffects> {
    const waiting = this.next.get(workspaceId);
    if (waiting) {
      waiting.arrivalIds.push(arrivalId);
      await waiting.done;
      return new RoutingEffects(workspaceId);
    }
    const arrivalIds = [arrivalId];
    // `then` callbacks run later: the entry below is in place before the drain removes it.
    const running = this.latest.get(workspaceId);
    const done = (running ?? Promise.resolve()).then(async () => {
      this.next.delete(workspaceId);
      // While they waited for the running drain, another replica's may have taken them all:
      // then the lock, a serial section, is not taken only to find that out.
      if (running && (await this.queue.allHandled(arrivalIds))) {
        return new RoutingEffects(workspaceId);
      }
      // Drains of other replicas since these were queued may have handled them all.
      return drainInWorkspaceLock(this.dataSource, workspaceId, arrivalIds);
    });
    this.next.set(workspaceId, { arrivalIds, done });
    const settled = done.then(ignore, ignore);
    this.latest.set(workspaceId, settled);
    void settled.then(() => {
      if (this.latest.get(workspaceId) === settled) this.latest.delete(workspaceId);
    });
    return done;
  }
}

const byDataSource = new WeakMap<DataSource, SharedDrains>();

/** The shared drains of the routing process that reaches PostgreSQL through `dataSource`. */
export function sharedDrains(dataSource: DataSource): SharedDrains {
  let drains = byDataSource.get(dataSource);
  if (!drains) {
    drains = new SharedDrains(dataSource);
    byDataSource.set(dataSource, drains);
  }
  return drains;
}
