import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AgentRole } from '@hub/domain';
import { waitFor, withClient } from '@hub/testing';
import { GatewayApi } from '../gateway-api';
import { createWorkspace, type WorkspaceFixture } from '../workspace-fixture';
import {
  checkHistory,
  type CheckResult,
  type StoredConversation,
  type StoredMessage,
} from './checker';
import type { Fault, FaultTarget } from './faults';
import { figuresTable } from './figures';
import { History } from './history';
import { AssignmentLog, LoadAgent } from './load-agent';
import { LoadVisitor } from './load-visitor';
import { untilAllStored } from './quiesce';

// How long a phase's last sends may take to be answered once the load stops.
const DRAIN_MS = 20_000;
// Routing gives the conversations out after their first message is stored.
const ROUTED_MS = 30_000;

export interface LoadRunOptions {
  gatewayUrl: string;
  connectorWebUrl: string;
  /** The hub's database: the workspace is inserted there, and the checker reads the store. */
  databaseUrl: string;
  /** What faults act on; a plain load run has none. */
  faultTarget?: FaultTarget;
  visitors: number;
  agents: number;
  /** Each visitor waits this long between one message's acceptance and the next send. */
  pauseMs: number;
  /** Agents answer every customer message (the load scenarios); the fault runs do not. */
  replies?: boolean;
  /** Customers writing through other channels meanwhile (webhooks): their chats need room too. */
  otherCustomers?: number;
}

/** One phase's timings, next to the checker's counts in the figures. */
export interface PhaseTiming {
  phase: string;
  /** How long the repaired part took to be ready again. */
  coldStartMs?: number;
  /** When the fault was injected (performance.now()). */
  injectedAt: number;
  /** The whole phase: load, fault, repair, load, drain. */
  durationMs: number;
}

/**
 * Visitors chatting and agents online on a running hub, driven phase by phase (each phase: load,
 * a fault in the middle, its repair, more load), then one verdict over the whole history.
 */
export class LoadRun {
  readonly history = new History();
  readonly assignments = new AssignmentLog();
  readonly timings: PhaseTiming[] = [];
  /** The edges' replicas the clients spread over; a test adds and removes replicas here. */
  webUrls: string[];
  gatewayUrls: string[];

  private constructor(
    private readonly options: LoadRunOptions,
    readonly workspace: WorkspaceFixture,
    readonly visitors: LoadVisitor[],
    readonly agents: LoadAgent[],
  ) {
    this.webUrls = [options.connectorWebUrl];
    this.gatewayUrls = [options.gatewayUrl];
  }

  static async start(options: LoadRunOptions): Promise<LoadRun> {
    const roster = Object.fromEntries(
      Array.from({ length: options.agents }, (_, i) => [`agent${i}`, AgentRole.Agent]),
    );
    const workspace = await createWorkspace(options.databaseUrl, roster);
    // Room for every conversation, so each has an agent to reach.
    const customers = options.visitors + (options.otherCustomers ?? 0);
    const capacity = Math.ceil(customers / options.agents) + 1;
    await withClient(options.databaseUrl, (db) =>
      db.query('UPDATE routing.agents SET max_concurrent_chats = $1 WHERE workspace_id = $2', [
        capacity,
        workspace.id,
      ]),
    );
    const run: LoadRun = new LoadRun(options, workspace, [], []);
    const api = new GatewayApi(run.gatewayUrls[0]);
    for (const person of Object.values(workspace.agents)) {
      const token = await api.login(workspace.slug, person.email, person.password);
      const agent = new LoadAgent(person.id, {
        gatewayUrls: () => run.gatewayUrls,
        token,
        history: run.history,
        assignments: run.assignments,
        replies: options.replies,
      });
      await agent.open();
      run.agents.push(agent);
    }
    const runId = randomBytes(4).toString('hex');
    for (let client = 0; client < options.visitors; client++) {
      const visitor = new LoadVisitor({
        webUrls: () => run.webUrls,
        inboxId: workspace.inboxId,
        client,
        history: run.history,
        runId,
      });
      await visitor.open();
      run.visitors.push(visitor);
    }
    return run;
  }

  /**
   * Load for `beforeMs`, then the fault and its repair while the load goes on, then `afterMs`
   * more; resolves once every visitor's last message is answered (or given up).
   */
  async phase(
    name: string,
    fault: Fault | undefined,
    options: { beforeMs: number; afterMs: number },
  ): Promise<PhaseTiming> {
    const startedAt = performance.now();
    let stopped = false;
    let drainUntil = Infinity;
    const runs = this.visitors.map((visitor) =>
      visitor.run({
        phase: name,
        pauseMs: this.options.pauseMs,
        until: () => stopped,
        drainUntil: () => drainUntil,
      }),
    );
    await sleep(options.beforeMs);
    const injectedAt = performance.now();
    let coldStartMs: number | undefined;
    if (fault) {
      const target = this.options.faultTarget;
      if (!target) throw new Error('this load run has no hub to inject faults into');
      await fault.inject(target);
      coldStartMs = await fault.heal(target);
    }
    await sleep(options.afterMs);
    stopped = true;
    drainUntil = performance.now() + DRAIN_MS;
    await Promise.all(runs);
    const timing = {
      phase: name,
      coldStartMs,
      injectedAt,
      durationMs: performance.now() - startedAt,
    };
    this.timings.push(timing);
    return timing;
  }

  /**
   * Waits until the hub has quiesced (every acknowledged message stored, or no progress for a
   * while: the checker then names the missing) and routing has given every conversation out,
   * has every agent resume what it holds, and checks. The table says how long quiescing took.
   */
  async check(): Promise<CheckResult & { table: string }> {
    const checkedAt = performance.now();
    const acknowledged = this.history.operations
      .filter((op) => op.outcome === 'ok')
      .map((op) => op.clientMessageId);
    const quiesced = await untilAllStored(
      () => this.storedCount(acknowledged),
      acknowledged.length,
    );
    const quiescedMs = Math.round(performance.now() - checkedAt);
    await waitFor(async () => (await this.unassignedCount()) === 0, ROUTED_MS).catch(
      () => undefined,
    );
    await Promise.all(this.agents.map((agent) => agent.resumeAll().catch(() => undefined)));
    const { messages, conversations, capacity } = await this.readStore();
    const result = checkHistory({
      operations: this.history.operations,
      messages,
      conversations,
      capacity,
      received: new Map(this.agents.map((a) => [a.id, a.received])),
      assignees: this.assignments.assignees,
      peakLoad: this.assignments.peakLoad,
    });
    const firstDelivery = (t: PhaseTiming) =>
      this.history.firstDeliveryAfter(t.injectedAt, checkedAt);
    const table = figuresTable(result.phases, this.timings, firstDelivery);
    const wait = quiesced
      ? `every acknowledged message stored ${quiescedMs} ms after the load stopped`
      : `storing stopped making progress; checked ${quiescedMs} ms after the load stopped`;
    return { ...result, table: `${table}\n${wait}` };
  }

  close(): void {
    for (const client of [...this.visitors, ...this.agents]) client.close();
  }

  private async storedCount(clientMessageIds: string[]): Promise<number> {
    const { rows } = await withClient(this.options.databaseUrl, (db) =>
      db.query<{ n: string }>(
        `SELECT count(DISTINCT client_message_id) AS n FROM conversation.messages
          WHERE workspace_id = $1 AND client_message_id = ANY($2)`,
        [this.workspace.id, clientMessageIds],
      ),
    );
    return Number(rows[0].n);
  }

  private async unassignedCount(): Promise<number> {
    const { rows } = await withClient(this.options.databaseUrl, (db) =>
      db.query<{ n: string }>(
        `SELECT count(*) AS n FROM conversation.conversations
          WHERE workspace_id = $1 AND assignee_id IS NULL`,
        [this.workspace.id],
      ),
    );
    return Number(rows[0].n);
  }

  private readStore(): Promise<{
    messages: StoredMessage[];
    conversations: StoredConversation[];
    capacity: Map<string, number>;
  }> {
    return withClient(this.options.databaseUrl, async (db) => {
      const messages = await db.query<{
        conversation_id: string;
        seq: string;
        client_message_id: string | null;
      }>(
        `SELECT conversation_id, seq, client_message_id FROM conversation.messages WHERE workspace_id = $1`,
        [this.workspace.id],
      );
      const conversations = await db.query<{ id: string; assignee_id: string | null }>(
        `SELECT id, assignee_id FROM conversation.conversations
          WHERE workspace_id = $1 AND status IN ('open', 'assigned', 'pending')`,
        [this.workspace.id],
      );
      const agents = await db.query<{ id: string; max_concurrent_chats: number }>(
        `SELECT id, max_concurrent_chats FROM routing.agents WHERE workspace_id = $1`,
        [this.workspace.id],
      );
      return {
        messages: messages.rows.map((r) => ({
          conversationId: r.conversation_id,
          seq: Number(r.seq),
          clientMessageId: r.client_message_id,
        })),
        conversations: conversations.rows.map((r) => ({ id: r.id, assigneeId: r.assignee_id })),
        capacity: new Map(agents.rows.map((r) => [r.id, r.max_concurrent_chats])),
      };
    });
  }
}
