import type { DataSource } from 'typeorm';
import type { RoutingData } from '../routing-data';
import { RoutesRepository, type Arrival } from './routes.repository';
import type { RoutingEffects } from './routing-effects';
import { inWorkspaceLock } from './workspace-lock';

/**
 * A conversation opened: it joins the back of its queue (in parallel with other arrivals),
 * then a drain under the workspace lock assigns it if an agent is free. In a burst the first
 * drain takes every arrival committed so far, and the others find theirs handled and stop.
 * `existing` runs under the lock instead when routing already had the conversation.
 */
export async function arrive(
  dataSource: DataSource,
  arrival: Arrival,
  existing?: (data: RoutingData, effects: RoutingEffects) => Promise<void>,
): Promise<RoutingEffects> {
  const inserted = await new RoutesRepository(dataSource.manager).enqueue(arrival);
  return inWorkspaceLock(
    dataSource,
    arrival.workspaceId,
    async (data, effects) => {
      if (!inserted) await existing?.(data, effects);
      effects.drain = true;
    },
    // A drain since the insert already assigned or numbered it, and nothing changed since.
    inserted ? { arrivalId: arrival.conversationId } : {},
  );
}
