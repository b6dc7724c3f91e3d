import { Injectable, Logger } from '@nestjs/common';
import type {
  AgentConnectionChangedRequest,
  AgentView,
  GatewayHeartbeatRequest,
  SetAgentPresenceRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { RoutingTransactions } from '../acd/routing-transactions';
import { queryRows } from '../acd/sql';
import { AgentsService } from '../agents/agents.service';
import { recomputePresence, requireAgent } from './presence-state';

/** Agent sockets reported by the gateways, and the agents' own online/away choice. */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger(PresenceService.name);

  constructor(
    private readonly database: Database,
    private readonly routing: RoutingTransactions,
    private readonly agents: AgentsService,
  ) {}

  async connectionChanged(request: AgentConnectionChangedRequest): Promise<AgentView> {
    const { workspaceId, agentId, gatewayId, connectionId, connected } = request;
    await this.routing.run(workspaceId, async (tx, effects) => {
      await requireAgent(tx, workspaceId, agentId);
      if (connected) {
        await tx.query(
          `insert into routing.agent_connections (gateway_id, connection_id, workspace_id, agent_id)
           values ($1, $2, $3, $4)
           on conflict (gateway_id, connection_id) do update set seen_at = now()
           where agent_connections.agent_id = excluded.agent_id`,
          [gatewayId, connectionId, workspaceId, agentId],
        );
      } else {
        await tx.query(
          `delete from routing.agent_connections where gateway_id = $1 and connection_id = $2 and agent_id = $3`,
          [gatewayId, connectionId, agentId],
        );
      }
      await recomputePresence(tx, agentId, effects);
    });
    this.logger.log({ agentId, gatewayId, connectionId, connected }, 'agent connection changed');
    return this.agents.get(workspaceId, agentId);
  }

  async setPresence({
    workspaceId,
    agentId,
    presence,
  }: SetAgentPresenceRequest): Promise<AgentView> {
    await this.routing.run(workspaceId, async (tx, effects) => {
      await requireAgent(tx, workspaceId, agentId);
      await tx.query(
        `update routing.agent_status set chosen_presence = $2, updated_at = now() where agent_id = $1`,
        [agentId, presence],
      );
      await recomputePresence(tx, agentId, effects);
    });
    return this.agents.get(workspaceId, agentId);
  }

  /**
   * Refreshes the gateway's listed sockets (rows of agents outside the named workspace are
   * ignored). A socket routing did not know (its open was lost, or it was swept while the
   * gateway stalled) is recorded, and its agent's presence recomputed.
   */
  async heartbeat({ gatewayId, connections }: GatewayHeartbeatRequest): Promise<{ ok: true }> {
    if (connections.length === 0) return { ok: true };
    const refreshed = await queryRows<{ workspaceId: string; agentId: string; inserted: boolean }>(
      this.database.dataSource.manager,
      `insert into routing.agent_connections (gateway_id, connection_id, workspace_id, agent_id)
       select $1, l.connection_id, a.workspace_id, a.id
         from unnest($2::text[], $3::uuid[], $4::uuid[]) as l(connection_id, workspace_id, agent_id)
         join routing.agents a on a.id = l.agent_id and a.workspace_id = l.workspace_id
       on conflict (gateway_id, connection_id) do update set seen_at = now()
       returning workspace_id as "workspaceId", agent_id as "agentId", (xmax = 0) as inserted`,
      [
        gatewayId,
        connections.map((c) => c.connectionId),
        connections.map((c) => c.workspaceId),
        connections.map((c) => c.agentId),
      ],
    );
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
      await this.routing.run(workspaceId, async (tx, effects) => {
        for (const agentId of agentIds) {
          await requireAgent(tx, workspaceId, agentId);
          await recomputePresence(tx, agentId, effects);
        }
      });
    }
  }
}
