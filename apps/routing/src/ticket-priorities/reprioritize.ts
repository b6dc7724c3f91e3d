import type { DataSource } from 'typeorm';
import type { RoutingEffects } from '../acd/routing-effects';
import { inWorkspaceLock } from '../acd/workspace-lock';
import { TicketPrioritiesRepository, type TicketRank } from './ticket-priorities.repository';

/**
 * Records a ticket's rank (outside the lock: no decision reads it but an arrival's insert),
 * then, only when routing holds one of its conversations, recomputes their priority under the
 * workspace lock, where the queue is renumbered. Undefined when nothing was routed.
 */
export async function reprioritize(
  dataSource: DataSource,
  ticket: TicketRank,
): Promise<RoutingEffects | undefined> {
  const tickets = new TicketPrioritiesRepository(dataSource.manager);
  const affected = await tickets.record(ticket);
  if (affected.length === 0 || !(await tickets.anyRouted(ticket.workspaceId, affected)))
    return undefined;
  return inWorkspaceLock(dataSource, ticket.workspaceId, async (data, effects) => {
    effects.queueTouched = await data.ticketPriorities.reprioritize(ticket.workspaceId, affected);
  });
}
