import { randomUUID } from 'node:crypto';
import { AgentPresence, AgentRole } from '@hub/domain';
import { createDataSource } from '@hub/persistence';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import type { DataSource } from 'typeorm';
import { arrive } from '../../src/acd/arrive';
import type { RoutingEffects } from '../../src/acd/routing-effects';
import { inWorkspaceLock, type LockedWork } from '../../src/acd/workspace-lock';
import { routingData, type RoutingData } from '../../src/routing-data';
import { routingEntities } from '../../src/routing.entities';
import { queryRows } from '../../src/sql';

export interface AgentSeed {
  role?: AgentRole;
  maxChats?: number;
  /** The effective presence; `online` and `away` are also the agent's choice. */
  presence?: AgentPresence;
  departmentIds?: string[];
  activeChats?: number;
  lastAssignedAt?: Date | null;
}

export interface RouteState {
  state: 'queued' | 'assigned';
  agentId: string | null;
  departmentId: string | null;
  position: number | null;
  queueRank: number;
}

/**
 * A migrated database of its own and routing's code run on it in process, as a replica
 * would, minus NATS: decisions are made and committed; what they publish or apply after the
 * commit is returned as RoutingEffects for the test to inspect. `replicas` DataSources stand
 * for that many routing processes (separate pools, one database).
 */
export class RoutingTestbed {
  private constructor(
    private readonly database: TestDatabase,
    readonly replicas: DataSource[],
  ) {}

  static async start(label: string, replicas = 1): Promise<RoutingTestbed> {
    const database = await createTestDatabase(label);
    const sources = Array.from({ length: replicas }, (_, i) =>
      createDataSource({
        url: database.url,
        entities: routingEntities,
        applicationName: `routing-${i}`,
        poolSize: 10,
        pipelined: true,
        prepared: true,
      }),
    );
    await Promise.all(sources.map((source) => source.initialize()));
    return new RoutingTestbed(database, sources);
  }

  async stop(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.destroy()));
    await this.database.drop();
  }

  /** Routing's repositories outside any lock (for what a service does unlocked). */
  get data(): RoutingData {
    return routingData(this.replicas[0].manager);
  }

  async department(workspaceId: string): Promise<string> {
    const id = randomUUID();
    await this.sql(`insert into routing.departments (id, workspace_id, name) values ($1, $2, $3)`, [
      id,
      workspaceId,
      `Department ${id}`,
    ]);
    return id;
  }

  async agent(workspaceId: string, seed: AgentSeed = {}): Promise<string> {
    const id = randomUUID();
    const presence = seed.presence ?? AgentPresence.Online;
    await this.sql(
      `insert into routing.agents (id, workspace_id, name, email, role, password_hash, max_concurrent_chats)
       values ($1, $2, $3, $4, $5, 'not-a-hash', $6)`,
      [
        id,
        workspaceId,
        `Agent ${id}`,
        `${id}@example.test`,
        seed.role ?? AgentRole.Agent,
        seed.maxChats ?? 3,
      ],
    );
    await this.sql(
      `insert into routing.agent_status
         (agent_id, workspace_id, chosen_presence, presence, active_chats, last_assigned_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        id,
        workspaceId,
        presence === AgentPresence.Away ? AgentPresence.Away : AgentPresence.Online,
        presence,
        seed.activeChats ?? 0,
        seed.lastAssignedAt ?? null,
      ],
    );
    for (const departmentId of seed.departmentIds ?? []) {
      await this.sql(
        `insert into routing.department_agents (workspace_id, department_id, agent_id) values ($1, $2, $3)`,
        [workspaceId, departmentId, id],
      );
    }
    return id;
  }

  /**
   * A conversation opens, as on ConversationOpened (of a VIP customer when `vip`); its route is
   * decided on `replica`.
   */
  async arrive(
    workspaceId: string,
    departmentId: string | null,
    { replica = this.replicas[0], vip = false }: { replica?: DataSource; vip?: boolean } = {},
  ): Promise<{ conversationId: string; effects: RoutingEffects }> {
    const conversationId = randomUUID();
    const effects = await arrive(replica, {
      conversationId,
      workspaceId,
      departmentId,
      openedAt: new Date().toISOString(),
      openedEventId: `opened:${conversationId}`,
      vip,
    });
    return { conversationId, effects };
  }

  /** Runs routing's locked work as RoutingTransactions does, minus what follows the commit. */
  locked(
    workspaceId: string,
    work: LockedWork,
    replica = this.replicas[0],
  ): Promise<RoutingEffects> {
    return inWorkspaceLock(replica, workspaceId, work);
  }

  async route(conversationId: string): Promise<RouteState | undefined> {
    const [route] = await this.sql<RouteState>(
      `select state, agent_id as "agentId", department_id as "departmentId", position,
              queue_rank as "queueRank"
         from routing.routes where conversation_id = $1`,
      [conversationId],
    );
    return route;
  }

  async activeChats(agentId: string): Promise<number> {
    const [status] = await this.sql<{ activeChats: number }>(
      `select active_chats as "activeChats" from routing.agent_status where agent_id = $1`,
      [agentId],
    );
    return status.activeChats;
  }

  sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return queryRows<T>(this.replicas[0].manager, text, params);
  }
}
