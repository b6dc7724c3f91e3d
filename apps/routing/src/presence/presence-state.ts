import { AgentPresence } from '@hub/domain';
import type { EntityManager } from 'typeorm';
import { ensureStatus } from '../acd/route-store';
import type { RoutingEffects } from '../acd/routing-effects';
import { queryRows } from '../acd/sql';
import { RoutingErrors } from '../routing.errors';

/** Fails with AGENT_NOT_FOUND unless the agent belongs to the workspace; creates its status row. */
export async function requireAgent(
  tx: EntityManager,
  workspaceId: string,
  agentId: string,
): Promise<void> {
  const found = await queryRows(
    tx,
    `select 1 from routing.agents where id = $1 and workspace_id = $2`,
    [agentId, workspaceId],
  );
  if (found.length === 0) throw RoutingErrors.agentNotFound();
  await ensureStatus(tx, workspaceId, agentId);
}

/**
 * Sets the agent's effective presence from their live connections and their choice (call it
 * under the workspace lock after any change to either). Going offline starts the grace period
 * after which unanswered conversations are requeued; coming online drains the queue.
 */
export async function recomputePresence(
  tx: EntityManager,
  agentId: string,
  effects: RoutingEffects,
): Promise<void> {
  const [status] = await queryRows<{
    presence: AgentPresence;
    chosen: AgentPresence;
    live: boolean;
  }>(
    tx,
    `select presence, chosen_presence as chosen,
            exists (select 1 from routing.agent_connections c where c.agent_id = s.agent_id) as live
       from routing.agent_status s where s.agent_id = $1`,
    [agentId],
  );
  if (!status) return;
  const presence = status.live ? status.chosen : AgentPresence.Offline;
  if (presence === status.presence) return;
  const offline = presence === AgentPresence.Offline;
  await tx.query(
    `update routing.agent_status
        set presence = $2, updated_at = now(),
            offline_since = case when $3 then coalesce(offline_since, clock_timestamp()) end,
            offline_handled = not $3
      where agent_id = $1`,
    [agentId, presence, offline],
  );
  effects.presence.push({ type: 'presence.changed', agentId, presence });
  if (presence === AgentPresence.Online) effects.drain = true;
}
