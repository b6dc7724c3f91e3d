import type { DataSource } from 'typeorm';
import type { Arrival } from './routes.repository';
import { RoutingEffects } from './routing-effects';
import { drainInWorkspaceLock } from './workspace-lock';

/** The next drain of a workspace: the arrivals waiting for it, and its outcome. */
interface NextDrain {
  readonly arrivals: Arrival[];
  readonly done: Promise<RoutingEffects>;
}

const ignore = () => undefined;

/**
 * Arrivals of one workspace in one routing process share drains: while a drain runs, every
 * arrival meanwhile joins the next one, which starts once the running one has finished. A
 * drain queues its arrivals itself, in one statement under the lock, then assigns what it can.
 *
 * Why: the workspace lock is held until commit, so every transaction that takes it is a
 * serial section. When each arrival queued itself and then drained on its own, a burst of N
 * arrivals ran N inserts and N locked transactions, most of them only to find their
 * conversation handled by the drain before; each also held a pooled connection while it
 * waited for the lock. Now a burst costs about two locked transactions per process (the
 * running drain and the next), whatever N, and no transaction of its own per arrival. Drains
 * of different workspaces still run in parallel, and other replicas' drains interleave through
 * the lock as before.
 *
 * The drain's first arrival gets its effects to act on; the others get none, as when another
 * replica's drain handles an arrival. A failed drain fails every arrival that waited for it
 * (none of them is queued: the insert is rolled back with it), so each is redelivered.
 */
export class SharedDrains {
  private readonly next = new Map<string, NextDrain>();
  /** Settles when the workspace's latest drain has: the next one starts after it. */
  private readonly latest = new Map<string, Promise<void>>();

  constructor(private readonly dataSource: DataSource) {}

  /** Waits for the next drain of the arrival's workspace, which queues it and assigns it if it can. */
  async drainWith(arrival: Arrival): Promise<RoutingEffects> {
    const { workspaceId } = arrival;
    const waiting = this.next.get(workspaceId);
    if (waiting) {
      waiting.arrivals.push(arrival);
      await waiting.done;
      return new RoutingEffects(workspaceId);
    }
    const arrivals = [arrival];
    // `then` callbacks run later: the entry below is in place before the drain removes it.
    const running = this.latest.get(workspaceId);
    const done = (running ?? Promise.resolve()).then(() => {
      this.next.delete(workspaceId);
      return drainInWorkspaceLock(this.dataSource, workspaceId, arrivals);
    });
    this.next.set(workspaceId, { arrivals, done });
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
