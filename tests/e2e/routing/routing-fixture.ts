import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { hashPassword } from '@hub/auth';
import {
  SUBJECTS,
  type Actor,
  type AgentView,
  type ConversationView,
  type InboundMessageReceived,
  type RealtimeEvent,
  type ReplyOf,
  type RequestContract,
} from '@hub/contracts';
import type { AgentRole } from '@hub/domain';
import { findFreePort } from '@hub/dev-infra';
import { JetStreamPublisher } from '@hub/messaging';
import {
  createTestDatabase,
  ServiceProcess,
  testRunId,
  waitFor,
  type TestDatabase,
} from '@hub/testing';
import { Client } from 'pg';
import {
  createWorkspaceWithInbox,
  inboundMessage,
  publishInbound,
  storedConversationOf,
} from '../support/inbound';
import { nestRequest } from '../support/nest-request';
import { TestHub } from '../support/test-hub';

export interface Target {
  workspaceId: string;
  inboxId: string;
}

export interface AgentOptions {
  name?: string;
  email?: string;
  role?: AgentRole;
  maxChats?: number;
  departments?: string[];
  password?: string;
}

export interface ConversationRow {
  assigneeId: string | null;
  status: string;
  departmentId: string | null;
}

const GATEWAY_ID = 'gw-e2e';

/**
 * conversation, crm and one or more routing replicas as real processes on a fresh database and
 * namespace, plus what the routing tests drive them with: seeded workspaces and agents, agent
 * sockets reported as a gateway would, inbound messages published as a connector would, and
 * every realtime notice captured.
 */
export class RoutingFixture {
  readonly realtime: { subject: string; event: RealtimeEvent }[] = [];
  private readonly extraRouting: ServiceProcess[] = [];
  private passwordHash?: Promise<string>;

  private constructor(
    readonly namespace: string,
    readonly database: TestDatabase,
    readonly hub: TestHub,
    readonly nc: NatsConnection,
    readonly db: Client,
    readonly publisher: JetStreamPublisher,
  ) {}

  static async start(
    label: string,
    options: { routingReplicas?: number; env?: Record<string, string> } = {},
  ) {
    const namespace = `${testRunId()}_${label}`;
    const database = await createTestDatabase(label);
    const env = { LOG_LEVEL: 'debug', ...options.env };
    const hub = await TestHub.start({
      databaseUrl: database.url,
      namespace,
      services: ['conversation', 'crm', 'routing'],
      env,
    });
    const nc = await connect(hub.nats.connectOptions());
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const fixture = new RoutingFixture(
      namespace,
      database,
      hub,
      nc,
      db,
      new JetStreamPublisher(nc, namespace),
    );
    nc.subscribe(`${namespace}.rt.>`, {
      callback: (_error, msg) => {
        fixture.realtime.push({
          subject: msg.subject.slice(namespace.length + 1),
          event: msg.json<RealtimeEvent>(),
        });
      },
    });
    for (let i = 1; i < (options.routingReplicas ?? 1); i++) {
      const replica = new ServiceProcess({
        name: 'routing',
        port: await findFreePort(),
        env: {
          DATABASE_URL: database.url,
          ...hub.nats.serviceEnv('routing'),
          HUB_NAMESPACE: namespace,
          SHUTDOWN_TIMEOUT_MS: '15000',
          ...env,
        },
      }).start();
      fixture.extraRouting.push(replica);
      await replica.waitUntilReady();
    }
    return fixture;
  }

  get routingReplicas(): ServiceProcess[] {
    return [this.hub.service('routing'), ...this.extraRouting];
  }

  async stop(): Promise<void> {
    await this.nc.close();
    await this.db.end();
    await Promise.all(this.extraRouting.map((p) => p.stop('SIGTERM')));
    await this.hub.stop();
    await this.database.drop();
  }

  request<C extends RequestContract>(request: C, data: object): Promise<ReplyOf<C>> {
    return nestRequest(this.nc, this.namespace, request, data);
  }

  workspace(): Promise<Target> {
    return createWorkspaceWithInbox(this.database.url);
  }

  async department(
    workspaceId: string,
    name = `dept-${randomUUID().slice(0, 8)}`,
  ): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `insert into routing.departments (workspace_id, name) values ($1, $2) returning id`,
      [workspaceId, name],
    );
    return rows[0].id;
  }

  async agent(workspaceId: string, options: AgentOptions = {}): Promise<string> {
    const hash = options.password
      ? await hashPassword(options.password)
      : await (this.passwordHash ??= hashPassword(randomUUID()));
    const name = options.name ?? `Agent ${randomUUID().slice(0, 6)}`;
    const { rows } = await this.db.query<{ id: string }>(
      `insert into routing.agents (workspace_id, name, email, role, password_hash, max_concurrent_chats)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [
        workspaceId,
        name,
        (options.email ?? `${randomUUID()}@example.test`).toLowerCase(),
        options.role ?? 'agent',
        hash,
        options.maxChats ?? 3,
      ],
    );
    const agentId = rows[0].id;
    for (const departmentId of options.departments ?? []) {
      await this.db.query(
        `insert into routing.department_agents (workspace_id, department_id, agent_id) values ($1, $2, $3)`,
        [workspaceId, departmentId, agentId],
      );
    }
    return agentId;
  }

  /** Reports a new agent socket as a gateway does; returns its connection id. */
  async connect(workspaceId: string, agentId: string, gatewayId = GATEWAY_ID): Promise<string> {
    const connectionId = randomUUID();
    await this.request(SUBJECTS.routing.agentConnection, {
      workspaceId,
      agentId,
      gatewayId,
      connectionId,
      connected: true,
    });
    return connectionId;
  }

  async disconnect(
    workspaceId: string,
    agentId: string,
    connectionId: string,
    gatewayId = GATEWAY_ID,
  ): Promise<AgentView> {
    return this.request(SUBJECTS.routing.agentConnection, {
      workspaceId,
      agentId,
      gatewayId,
      connectionId,
      connected: false,
    });
  }

  agentView(workspaceId: string, agentId: string): Promise<AgentView> {
    return this.request(SUBJECTS.routing.getAgent, { workspaceId, agentId });
  }

  /** Publishes a first visitor message and waits for the conversation it opened; its id. */
  openConversation(target: Target, departmentId?: string): Promise<string> {
    return this.send(inboundMessage(target, departmentId ? { departmentId } : {}));
  }

  /** Publishes a visitor message as connector-web does; the id of the conversation storing it. */
  async send(message: InboundMessageReceived): Promise<string> {
    await publishInbound(this.publisher, message);
    return storedConversationOf(this.db, message);
  }

  async conversation(conversationId: string): Promise<ConversationRow> {
    const { rows } = await this.db.query<ConversationRow>(
      `select assignee_id as "assigneeId", status, department_id as "departmentId"
         from conversation.conversations where id = $1`,
      [conversationId],
    );
    return rows[0];
  }

  /** Waits until the conversation service shows `assigneeId` (null: unassigned). */
  async waitForAssignee(
    conversationId: string,
    assigneeId: string | null,
    timeoutMs = 15_000,
  ): Promise<void> {
    let last: ConversationRow | undefined;
    await waitFor(
      async () => (last = await this.conversation(conversationId)).assigneeId === assigneeId,
      timeoutMs,
      () =>
        `conversation ${conversationId} has assignee ${last?.assigneeId}, expected ${assigneeId}`,
    );
  }

  /** Waits for any assignee and returns it. */
  async waitForAnyAssignee(conversationId: string, timeoutMs = 15_000): Promise<string> {
    let last: ConversationRow | undefined;
    await waitFor(
      async () => (last = await this.conversation(conversationId)).assigneeId !== null,
      timeoutMs,
      () => `conversation ${conversationId} was never assigned`,
    );
    return last!.assigneeId!;
  }

  resolve(workspaceId: string, conversationId: string, actor: Actor): Promise<ConversationView> {
    return this.request(SUBJECTS.conversation.resolve, {
      workspaceId,
      conversationId,
      actor,
    });
  }

  /**
   * Retries `assertion` until it passes: realtime notices travel on routing's own NATS
   * connection, so they may land just after the reply to the request that caused them.
   */
  async eventually(assertion: () => unknown, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await assertion();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  /** Positions published for one conversation, in order. */
  positions(conversationId: string): number[] {
    return this.realtime.flatMap(({ event }) =>
      event.type === 'queue.position' && event.conversationId === conversationId
        ? [event.position]
        : [],
    );
  }

  routeOf(conversationId: string) {
    return this.db
      .query<{ state: string; agentId: string | null; position: number | null }>(
        `select state, agent_id as "agentId", position from routing.routes where conversation_id = $1`,
        [conversationId],
      )
      .then((result) => result.rows[0]);
  }
}
