import { Injectable, Logger } from '@nestjs/common';
import type {
  AgentConnectionChangedRequest,
  AgentView,
  GatewayHeartbeatRequest,
  SetAgentPresenceRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { RoutingTransactions } from '../acd/routing-transactions';
import { AgentsService } from '../agents/agents.service';
import {
  changeConnection,
  choosePresence,
  recomputePresence,
  requireAgent,
} from './presence-state';
import { PresenceRepository } from './presence.repository';

/** Agent sockets reported by the gateways, and the agents' own online/away choice. */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger(PresenceService.name);
  private readonly presence: PresenceRepository;

  constructor(
    database: Database,
    private readonly routing: RoutingTransactions,
    private readonly agents: AgentsService,
  ) {
    this.presence = new PresenceRepository(database.dataSource.manager);
  }

  async connectionChanged(request: AgentConnectionChangedRequest): Promise<AgentView> {
    const { workspaceId, agentId, gatewayId, connectionId, connected } = request;
    await this.routing.run(workspaceId, (data, effects) =>
      changeConnection(data, request, effects),
    );
    this.logger.log({ agentId, gatewayId, connectionId, connected }, 'agent connection changed');
    return this.agents.get(workspaceId, agentId);
  }

  async setPresence(request: SetAgentPresenceRequest): Promise<AgentView> {
    await this.routing.run(request.workspaceId, (data, effects) =>
      choosePresence(data, request, effects),
    );
    return this.agents.get(request.workspaceId, request.agentId);
  }

  /**
   * Refreshes the gateway's listed sockets (rows of agents outside the named workspace are
   * ignored). A socket routing did not know (its open was lost, or it was swept while the
   * gateway stalled) is recorded, and its agent's presence recomputed.
   */
  async heartbeat({ gatewayId, connections }: GatewayHeartbeatRequest): Promise<{ ok: true }> {
    if (connections.length === 0) return { ok: true };
    const refreshed = await this.presence.refresh(gatewayId, connections);
    await this.recompute(refreshed.filter((row) => row.inserted));
    return { ok: true };
  }

  /** Recomputes the presence of each agent, one locked transaction per workspace. */
  async recompute(agents: readonly { workspaceId: string; agentId: string }[]): Promise<void> {
    const byWorkspace = new Map<string, Set<string>>();
    for (const { workspaceId, agentId } of agents) {
      byWorkspace.set(workspaceId, (byWorkspace.get(workspaceId) ?? new Set()).add(agentId));
    }
    for (const [workspaceId, agentIds] of byWorkspace) {
      await this.routing.run(workspaceId, async (data, effects) => {
        for (const agentId of agentIds) {
          await requireAgent(data, workspaceId, agentId);
          await recomputePresence(data, agentId, effects);
        }
      });
    }
  }
}
