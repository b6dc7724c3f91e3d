import type { DataSource } from 'typeorm';
import { announcedQueues, refreshQueues } from '../queues/queue-refresh';
import { routingData, type RoutingData } from '../routing-data';
import { DRAIN_BATCH, drainQueue } from './drain-queue';
import type { Arrival } from './routes.repository';
import { RoutingEffects } from './routing-effects';

/** Work under the workspace lock, through repositories bound to the locked transaction. */
export type LockedWork = (data: RoutingData, effects: RoutingEffects) => Promise<void>;

/**
 * Runs `work` in a transaction holding the workspace's routing lock, then drains the queue
 * (when `work` asked for it) and renumbers positions, all before the one commit.
 *
 * Why one advisory lock per workspace rather than row locks on the candidate agents: a
 * decision compares the online agents of the workspace (least-loaded, ties by idle time),
 * departments share agents and the workspace-wide queue spans them all, so "the rows a
 * decision depends on" is the whole workspace anyway; and first come, first served needs the
 * head of each queue decided by one transaction at a time. Measured (tests/bench/README.md,
 * 500 agents, two replicas): locking the eligible agents' rows FOR UPDATE in id order per
 * decision ran as fast alone, but at 40-65 % of this lock's rate with 4-16 concurrent
 * arrivals, because one drain here takes every arrival committed so far. Workspaces still run
 * in parallel.
 * Every change to routes, loads and presence goes through here, so what a decision reads
 * cannot change before its commit, across any number of routing replicas.
 *
 * The lock is taken in its own statement, before anything is read: a statement's snapshot
 * is taken when it starts, so a read in the same statement could predate the lock. The first
 * reads are sent right behind it, before it is granted (routing's pool pipelines: see
 * `pipelined` in createDataSource); each runs once the lock is held, with a snapshot of its
 * own, and the serial section is a round trip shorter for each.
 */
export function inWorkspaceLock(
  dataSource: DataSource,
  workspaceId: string,
  work: LockedWork,
): Promise<RoutingEffects> {
  return lockedTransaction(dataSource, workspaceId, [], work);
}

/**
 * The drain of arrivals (shared-drains.ts): queues them, then drains. Nothing else runs before
 * it, so the insert and the first reads all go out with the lock. When every one of them was
 * handled already (a redelivered arrival, assigned or numbered by an earlier drain), there is
 * nothing to do: it commits at once.
 */
export function drainInWorkspaceLock(
  dataSource: DataSource,
  workspaceId: string,
  arrivals: readonly Arrival[],
): Promise<RoutingEffects> {
  return lockedTransaction(dataSource, workspaceId, arrivals, 'drain');
}

function lockedTransaction(
  dataSource: DataSource,
  workspaceId: string,
  arrivals: readonly Arrival[],
  work: LockedWork | 'drain',
): Promise<RoutingEffects> {
  return dataSource.transaction(async (tx) => {
    const effects = new RoutingEffects(workspaceId);
    const data = routingData(tx);
    const justDrain = work === 'drain';
    const [, , announced, firstBatch] = await Promise.all([
      tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`routing:${workspaceId}`]),
      arrivals.length ? data.routes.enqueueAll(arrivals) : undefined,
      announcedQueues(
        data,
        workspaceId,
        arrivals.map((arrival) => arrival.conversationId),
      ),
      justDrain ? data.drainSnapshot.load(workspaceId, DRAIN_BATCH) : undefined,
    ]);
    if (announced.arrivalHandled) return effects;
    const before = announced.lengths;
    if (justDrain) effects.drain = true;
    else await work(data, effects);
    // Only a drain run here, after all of `work`, may spare the renumbering.
    effects.drainEmptiedQueue = false;
    if (effects.drain) await drainQueue(data, workspaceId, effects, firstBatch);
    // Nothing entered, left or moved: the positions stand.
    if (effects.drain || effects.queueTouched || effects.toApply.size > 0) {
      await refreshQueues(data, workspaceId, before, effects);
    }
    return effects;
  });
}
