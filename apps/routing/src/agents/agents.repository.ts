import type { AgentView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { RoutingErrors } from '../routing.errors';
import { queryRows, type Queryable } from '../sql';
import { LAST_ASSIGNED_NOW_SQL } from './agent-status.entity';

export interface ActingAgent {
  id: string;
  role: AgentRole;
  departmentIds: string[];
}

export interface AgentCapacity {
  presence: string;
  free: boolean;
}

const AGENT_VIEW = `
  select a.id, a.workspace_id as "workspaceId", a.name, a.avatar_url as "avatarUrl", a.email, a.role, a.active,
         a.max_concurrent_chats as "maxConcurrentChats", a.locale,
         coalesce(s.presence, 'offline') as presence, coalesce(s.active_chats, 0) as "activeChats",
         coalesce((select array_agg(da.department_id::text order by da.department_id)
                     from routing.department_agents da where da.agent_id = a.id), '{}') as "departmentIds"
    from routing.agents a
    left join routing.agent_status s on s.agent_id = a.id`;

/**
 * Agents and their load (routing.agents, and the `active_chats` count of routing.agent_status,
 * which changes only under the workspace lock with the routes it counts). Every lookup is
 * scoped to a workspace. Presence lives in presence/presence.repository.ts.
 */
export class AgentsRepository {
  constructor(private readonly db: Queryable) {}

  async view(workspaceId: string, agentId: string): Promise<AgentView | undefined> {
    const [agent] = await queryRows<AgentView>(
      this.db,
      `${AGENT_VIEW} where a.workspace_id = $1 and a.id = $2`,
      [workspaceId, agentId],
    );
    return agent;
  }

  list(workspaceId: string): Promise<AgentView[]> {
    return queryRows<AgentView>(
      this.db,
      `${AGENT_VIEW} where a.workspace_id = $1 order by a.name, a.id`,
      [workspaceId],
    );
  }

  /** The password hash of the active agent with this (lowercased) email. */
  async credentials(
    workspaceId: string,
    email: string,
  ): Promise<{ id: string; passwordHash: string } | undefined> {
    const [agent] = await queryRows<{ id: string; passwordHash: string }>(
      this.db,
      `select id, password_hash as "passwordHash" from routing.agents where workspace_id = $1 and email = $2 and active`,
      [workspaceId, email.toLowerCase()],
    );
    return agent;
  }

  async exists(workspaceId: string, agentId: string): Promise<boolean> {
    const found = await queryRows(
      this.db,
      `select 1 from routing.agents where id = $1 and workspace_id = $2`,
      [agentId, workspaceId],
    );
    return found.length > 0;
  }

  /**
   * The active agent as routing knows them now (the role in a token may be stale), with their
   * departments; undefined for a deactivated agent.
   */
  async actor(workspaceId: string, agentId: string): Promise<ActingAgent | undefined> {
    const [actor] = await queryRows<ActingAgent>(
      this.db,
      `select a.id, a.role,
              coalesce(array_agg(da.department_id::text) filter (where da.department_id is not null), '{}') as "departmentIds"
         from routing.agents a
         left join routing.department_agents da on da.agent_id = a.id
        where a.id = $1 and a.workspace_id = $2 and a.active
        group by a.id`,
      [agentId, workspaceId],
    );
    return actor;
  }

  /** How many active admins the workspace has. */
  async activeAdmins(workspaceId: string): Promise<number> {
    const [{ count }] = await queryRows<{ count: number }>(
      this.db,
      `select count(*)::int as count from routing.agents
        where workspace_id = $1 and role = $2 and active`,
      [workspaceId, AgentRole.Admin],
    );
    return count;
  }

  /** Sets the role and the active flag; false when the agent is not in the workspace. */
  async update(change: {
    workspaceId: string;
    agentId: string;
    role?: AgentRole;
    active?: boolean;
  }): Promise<boolean> {
    const updated = await queryRows(
      this.db,
      `update routing.agents
          set role = coalesce($3, role), active = coalesce($4, active), updated_at = now()
        where id = $1 and workspace_id = $2
        returning id`,
      [change.agentId, change.workspaceId, change.role ?? null, change.active ?? null],
    );
    return updated.length > 0;
  }

  /** Sets (or, with null, removes) the agent's avatar URL. */
  async setAvatar(change: {
    workspaceId: string;
    agentId: string;
    avatarUrl: string | null;
  }): Promise<void> {
    await this.db.query(
      `update routing.agents set avatar_url = $3, updated_at = now() where id = $1 and workspace_id = $2`,
      [change.agentId, change.workspaceId, change.avatarUrl],
    );
  }

  /** A new agent; its id. The email is stored lowercased (uq_agents_workspace_email). */
  async insert(agent: {
    workspaceId: string;
    email: string;
    name: string;
    role: AgentRole;
    passwordHash: string;
    maxConcurrentChats?: number;
    locale?: string;
  }): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `insert into routing.agents (workspace_id, email, name, role, password_hash, max_concurrent_chats, locale)
       values ($1, $2, $3, $4, $5, coalesce($6, 3), $7)
       returning id`,
      [
        agent.workspaceId,
        agent.email.toLowerCase(),
        agent.name,
        agent.role,
        agent.passwordHash,
        agent.maxConcurrentChats ?? null,
        agent.locale ?? null,
      ],
    );
    return row.id;
  }

  /** Sets the given ones of name, chat limit and locale (each null keeps its value). */
  async setDetails(change: {
    workspaceId: string;
    agentId: string;
    name?: string;
    maxConcurrentChats?: number;
    locale?: string;
  }): Promise<void> {
    await this.db.query(
      `update routing.agents
          set name = coalesce($3, name), max_concurrent_chats = coalesce($4, max_concurrent_chats),
              locale = coalesce($5, locale), updated_at = now()
        where id = $1 and workspace_id = $2`,
      [
        change.agentId,
        change.workspaceId,
        change.name ?? null,
        change.maxConcurrentChats ?? null,
        change.locale ?? null,
      ],
    );
  }

  async setPasswordHash(workspaceId: string, agentId: string, passwordHash: string): Promise<void> {
    await this.db.query(
      `update routing.agents set password_hash = $3, updated_at = now() where id = $1 and workspace_id = $2`,
      [agentId, workspaceId, passwordHash],
    );
  }

  /** The password hash of the active agent `agentId`. */
  async passwordHashOf(workspaceId: string, agentId: string): Promise<string | undefined> {
    const [agent] = await queryRows<{ passwordHash: string }>(
      this.db,
      `select password_hash as "passwordHash" from routing.agents where id = $1 and workspace_id = $2 and active`,
      [agentId, workspaceId],
    );
    return agent?.passwordHash;
  }

  /**
   * Replaces the agent's departments. False when one of them is not a department of the
   * workspace (nothing changed then: the caller's transaction is rolled back).
   */
  async setDepartments(change: {
    workspaceId: string;
    agentId: string;
    departmentIds: readonly string[];
  }): Promise<boolean> {
    await this.db.query(`delete from routing.department_agents where agent_id = $1`, [
      change.agentId,
    ]);
    const added = await queryRows(
      this.db,
      `insert into routing.department_agents (workspace_id, department_id, agent_id)
       select $1, d.id, $2 from routing.departments d
        where d.workspace_id = $1 and d.id = any($3::uuid[])
       returning department_id`,
      [change.workspaceId, change.agentId, change.departmentIds],
    );
    return added.length === change.departmentIds.length;
  }

  /** Presence and free slot of an agent of the workspace, or undefined when there is no such agent. */
  async capacity(workspaceId: string, agentId: string): Promise<AgentCapacity | undefined> {
    const [row] = await queryRows<AgentCapacity>(
      this.db,
      `select coalesce(s.presence, 'offline') as presence,
              coalesce(s.active_chats, 0) < a.max_concurrent_chats as free
         from routing.agents a left join routing.agent_status s on s.agent_id = a.id
        where a.id = $1 and a.workspace_id = $2`,
      [agentId, workspaceId],
    );
    return row;
  }

  /** The agent's status row, created (offline, no chats) on first use. */
  async ensureStatus(workspaceId: string, agentId: string): Promise<void> {
    await this.db.query(
      `insert into routing.agent_status (agent_id, workspace_id) values ($1, $2) on conflict (agent_id) do nothing`,
      [agentId, workspaceId],
    );
  }

  /**
   * Counts a chat the agent took on by their own choice (an accepted invitation), also past
   * their maximum: the ACD then gives them nothing more until enough slots free.
   */
  async countChosenChat(agentId: string): Promise<void> {
    await this.db.query(
      `update routing.agent_status
          set active_chats = active_chats + 1, last_assigned_at = ${LAST_ASSIGNED_NOW_SQL}, updated_at = now()
        where agent_id = $1`,
      [agentId],
    );
  }

  /**
   * Adds `delta` chats per occurrence of an agent id. Increments are refused past the agent's
   * maximum (the transaction fails); decrements below zero hit ck_agent_status_active_chats.
   */
  async countChats(agentIds: readonly string[], delta: 1 | -1): Promise<void> {
    if (agentIds.length === 0) return;
    const updated = await queryRows(
      this.db,
      `update routing.agent_status s
          set active_chats = s.active_chats + p.n * $2::int,
              last_assigned_at = case when $2::int > 0 then ${LAST_ASSIGNED_NOW_SQL} else s.last_assigned_at end,
              updated_at = now()
         from (select agent_id, count(*)::int as n from unnest($1::uuid[]) as agent_id group by agent_id) p,
              routing.agents a
        where s.agent_id = p.agent_id and a.id = s.agent_id
          and ($2::int < 0 or s.active_chats + p.n <= a.max_concurrent_chats)
        returning s.agent_id`,
      [agentIds, delta],
    );
    if (delta > 0 && updated.length !== new Set(agentIds).size)
      throw RoutingErrors.invariant('an agent would exceed their maximum');
  }
}
