import type { AgentPresence } from '@hub/domain';
import { queryRows, type Queryable } from '../sql';
import type { ChosenPresence } from '../agents/agent-status.entity';

export interface AgentSocket {
  gatewayId: string;
  connectionId: string;
  workspaceId: string;
  agentId: string;
}

export interface WorkspaceAgent {
  workspaceId: string;
  agentId: string;
}

/**
 * Agent presence: the sockets the gateways hold (routing.agent_connections) and the presence
 * columns of routing.agent_status (the agent's choice, the effective presence, the offline
 * grace). Changes of effective presence run under the workspace lock.
 */
export class PresenceRepository {
  constructor(private readonly db: Queryable) {}

  async connect(socket: AgentSocket): Promise<void> {
    await this.db.query(
      `insert into routing.agent_connections (gateway_id, connection_id, workspace_id, agent_id)
       values ($1, $2, $3, $4)
       on conflict (gateway_id, connection_id) do update set seen_at = now()
       where agent_connections.agent_id = excluded.agent_id`,
      [socket.gatewayId, socket.connectionId, socket.workspaceId, socket.agentId],
    );
  }

  async disconnect(socket: Omit<AgentSocket, 'workspaceId'>): Promise<void> {
    await this.db.query(
      `delete from routing.agent_connections where gateway_id = $1 and connection_id = $2 and agent_id = $3`,
      [socket.gatewayId, socket.connectionId, socket.agentId],
    );
  }

  /**
   * Refreshes a gateway's listed sockets, recording those routing did not know; sockets of
   * agents outside the named workspace are ignored. Returns each socket kept, `inserted` when new.
   */
  refresh(
    gatewayId: string,
    sockets: readonly Omit<AgentSocket, 'gatewayId'>[],
  ): Promise<(WorkspaceAgent & { inserted: boolean })[]> {
    return queryRows(
      this.db,
      `insert into routing.agent_connections (gateway_id, connection_id, workspace_id, agent_id)
       select $1, l.connection_id, a.workspace_id, a.id
         from unnest($2::text[], $3::uuid[], $4::uuid[]) as l(connection_id, workspace_id, agent_id)
         join routing.agents a on a.id = l.agent_id and a.workspace_id = l.workspace_id
       on conflict (gateway_id, connection_id) do update set seen_at = now()
       returning workspace_id as "workspaceId", agent_id as "agentId", (xmax = 0) as inserted`,
      [
        gatewayId,
        sockets.map((s) => s.connectionId),
        sockets.map((s) => s.workspaceId),
        sockets.map((s) => s.agentId),
      ],
    );
  }

  /** Deletes sockets not refreshed for `timeoutMs` (their gateway stopped beating). */
  dropStale(timeoutMs: number): Promise<(WorkspaceAgent & { gatewayId: string })[]> {
    return queryRows(
      this.db,
      `delete from routing.agent_connections
        where seen_at < now() - make_interval(secs => $1::float8 / 1000)
        returning workspace_id as "workspaceId", agent_id as "agentId", gateway_id as "gatewayId"`,
      [timeoutMs],
    );
  }

  async choose(agentId: string, presence: ChosenPresence): Promise<void> {
    await this.db.query(
      `update routing.agent_status set chosen_presence = $2, updated_at = now() where agent_id = $1`,
      [agentId, presence],
    );
  }

  /** The agent's effective and chosen presence, and whether any socket of theirs is live. */
  async inputs(
    agentId: string,
  ): Promise<{ presence: AgentPresence; chosen: AgentPresence; live: boolean } | undefined> {
    const [status] = await queryRows<{
      presence: AgentPresence;
      chosen: AgentPresence;
      live: boolean;
    }>(
      this.db,
      `select presence, chosen_presence as chosen,
              exists (select 1 from routing.agent_connections c where c.agent_id = s.agent_id) as live
         from routing.agent_status s where s.agent_id = $1`,
      [agentId],
    );
    return status;
  }

  /** Sets the effective presence; going offline starts the grace period (once). */
  async setEffective(agentId: string, presence: AgentPresence, offline: boolean): Promise<void> {
    await this.db.query(
      `update routing.agent_status
          set presence = $2, updated_at = now(),
              offline_since = case when $3 then coalesce(offline_since, clock_timestamp()) end,
              offline_handled = not $3
        where agent_id = $1`,
      [agentId, presence, offline],
    );
  }

  /** Agents offline past the grace period whose conversations are not requeued yet, longest first. */
  offlinePastGrace(graceMs: number, limit: number): Promise<WorkspaceAgent[]> {
    return queryRows<WorkspaceAgent>(
      this.db,
      `select workspace_id as "workspaceId", agent_id as "agentId" from routing.agent_status
        where presence = 'offline' and not offline_handled
          and offline_since < now() - make_interval(secs => $1::float8 / 1000)
        order by offline_since limit $2`,
      [graceMs, limit],
    );
  }

  /** Marks the agent's grace as handled; false when they are no longer offline past it. */
  async takeOfflinePastGrace(agentId: string, graceMs: number): Promise<boolean> {
    const taken = await queryRows(
      this.db,
      `update routing.agent_status set offline_handled = true
        where agent_id = $1 and presence = 'offline' and not offline_handled
          and offline_since < now() - make_interval(secs => $2::float8 / 1000)
        returning agent_id`,
      [agentId, graceMs],
    );
    return taken.length > 0;
  }
}
