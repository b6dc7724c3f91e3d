import type { Actor } from '@hub/contracts';
import { AgentRole } from '@hub/domain';

/** Who is calling, as the verified access token says. The workspace never comes from the client. */
export interface AuthenticatedAgent {
  agentId: string;
  workspaceId: string;
  role: AgentRole;
  /** The login session the token belongs to; revoking it refuses the token. */
  sessionId: string;
  /** When the token stops being valid (ms since the epoch). */
  expiresAt: number;
}

export function actorOf(agent: AuthenticatedAgent): Actor {
  return { agentId: agent.agentId, role: agent.role };
}

export function isSupervisor(agent: AuthenticatedAgent): boolean {
  return agent.role === AgentRole.Admin || agent.role === AgentRole.Supervisor;
}

export function isAdmin(agent: AuthenticatedAgent): boolean {
  return agent.role === AgentRole.Admin;
}
