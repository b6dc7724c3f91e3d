import type { DataSource } from 'typeorm';
import type { RoutingData } from '../routing-data';
import { RoutesRepository, type Arrival } from './routes.repository';
import type { RoutingEffects } from './routing-effects';
import { sharedDrains } from './shared-drains';
import { inWorkspaceLock } from './workspace-lock';

/**
 * A conversation opened: its workspace's next drain, under the workspace lock, queues it at the
 * back of its queue and assigns it if an agent is free. Arrivals in this process share drains
 * (shared-drains.ts): in a burst one drain takes every arrival that came meanwhile. A reopened
 * conversation (`existing`) is queued first, outside the lock; when routing still had it,
 * `existing` runs under the lock instead.
 */
export async function arrive(
  dataSource: DataSource,
  arrival: Arrival,
  existing?: (data: RoutingData, effects: RoutingEffects) => Promise<void>,
): Promise<RoutingEffects> {
  if (!existing || (await new RoutesRepository(dataSource.manager).enqueue(arrival))) {
    return sharedDrains(dataSource).drainWith(arrival);
  }
  return inWorkspaceLock(dataSource, arrival.workspaceId, async (data, effects) => {
    await existing(data, effects);
    effects.drain = true;
  });
}
