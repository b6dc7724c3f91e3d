import type { DataSource } from 'typeorm';
import type { RoutingData } from '../routing-data';
import { RoutesRepository, type Arrival } from './routes.repository';
import type { RoutingEffects } from './routing-effects';
import { sharedDrains } from './shared-drains';
import { inWorkspaceLock } from './workspace-lock';

/**
 * A conversation opened: it joins the back of its queue (in parallel with other arrivals),
 * then a drain under the workspace lock assigns it if an agent is free. Arrivals in this
 * process share drains (shared-drains.ts): in a burst one drain takes every arrival committed
 * so far. `existing` runs under the lock instead when routing already had the conversation.
 */
export async function arrive(
  dataSource: DataSource,
  arrival: Arrival,
  existing?: (data: RoutingData, effects: RoutingEffects) => Promise<void>,
): Promise<RoutingEffects> {
  const inserted = await new RoutesRepository(dataSource.manager).enqueue(arrival);
  if (inserted || !existing) {
    return sharedDrains(dataSource).drainAfter(arrival.workspaceId, arrival.conversationId);
  }
  return inWorkspaceLock(dataSource, arrival.workspaceId, async (data, effects) => {
    await existing(data, effects);
    effects.drain = true;
  });
}
