import type { AgentConnectionChangedRequest, SetAgentPresenceRequest } from '@hub/contracts';
import { AgentPresence } from '@hub/domain';
import type { RoutingEffects } from '../acd/routing-effects';
import type { RoutingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';

/** Fails with AGENT_NOT_FOUND unless the agent belongs to the workspace; creates its status row. */
export async function requireAgent(
  data: RoutingData,
  workspaceId: string,
  agentId: string,
): Promise<void> {
  if (!(await data.agents.exists(workspaceId, agentId))) throw RoutingErrors.agentNotFound();
  await data.agents.ensureStatus(workspaceId, agentId);
}

/**
 * Sets the agent's effective presence from their live connections and their choice (call it
 * under the workspace lock after any change to either). Going offline starts the grace period
 * after which unanswered conversations are requeued; coming online drains the queue.
 */
export async function recomputePresence(
  data: RoutingData,
  agentId: string,
  effects: RoutingEffects,
): Promise<void> {
  const status = await data.presence.inputs(agentId);
  if (!status) return;
  const presence = status.live ? status.chosen : AgentPresence.Offline;
  if (presence === status.presence) return;
  const offline = presence === AgentPresence.Offline;
  await data.presence.setEffective(agentId, presence, offline);
  effects.presence.push({ type: 'presence.changed', agentId, presence });
  if (presence === AgentPresence.Online) effects.drain = true;
}

/** A gateway opened or closed one of the agent's sockets (under the workspace lock). */
export async function changeConnection(
  data: RoutingData,
  { workspaceId, agentId, gatewayId, connectionId, connected }: AgentConnectionChangedRequest,
  effects: RoutingEffects,
): Promise<void> {
  await requireAgent(data, workspaceId, agentId);
  if (connected) await data.presence.connect({ gatewayId, connectionId, workspaceId, agentId });
  else await data.presence.disconnect({ gatewayId, connectionId, agentId });
  await recomputePresence(data, agentId, effects);
}

/** The agent chose online or away (under the workspace lock). */
export async function choosePresence(
  data: RoutingData,
  { workspaceId, agentId, presence }: SetAgentPresenceRequest,
  effects: RoutingEffects,
): Promise<void> {
  await requireAgent(data, workspaceId, agentId);
  await data.presence.choose(agentId, presence);
  await recomputePresence(data, agentId, effects);
}
