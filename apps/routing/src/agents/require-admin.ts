import type { Actor } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import type { RoutingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';

/**
 * The actor must be an active admin of the workspace as routing knows them now, never as the
 * request says (a token's role may be stale).
 */
export async function requireAdmin(
  data: RoutingData,
  workspaceId: string,
  actor: Actor,
  refusal: () => Error = RoutingErrors.adminOnly,
): Promise<void> {
  const admin = await data.agents.actor(workspaceId, actor.agentId);
  if (!admin) throw RoutingErrors.actorUnknown();
  if (admin.role !== AgentRole.Admin) throw refusal();
}
