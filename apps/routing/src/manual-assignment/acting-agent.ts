import { AgentRole } from '@hub/domain';
import type { ActingAgent } from '../agents/agents.repository';
import type { RoutingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';

/** The acting agent as routing knows them now; ROUTING_ACTOR_UNKNOWN outside the workspace. */
export async function requireActor(
  data: RoutingData,
  workspaceId: string,
  agentId: string,
): Promise<ActingAgent> {
  const actor = await data.agents.actor(workspaceId, agentId);
  if (!actor) throw RoutingErrors.actorUnknown();
  return actor;
}

export function isSupervisor(actor: ActingAgent): boolean {
  return actor.role === AgentRole.Admin || actor.role === AgentRole.Supervisor;
}
