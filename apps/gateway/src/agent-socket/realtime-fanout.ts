import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  realtimeSubjects,
  type ConversationView,
  type RealtimeEvent,
  type TypingRealtime,
} from '@hub/contracts';
import { ConversationStatus } from '@hub/domain';
import { namespacedSubject, type NatsConnection } from '@hub/messaging';
import { Messaging, Realtime, SERVICE_ENV } from '@hub/service-kit';
import type { Msg, Subscription } from '@nats-io/transport-node';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { ConversationsService } from '../conversations/conversations.service';
import type { GatewayEnv } from '../gateway.env';
import { WorkspacesService } from '../workspaces/workspaces.service';
import type { AgentConnection } from './agent-connection';

const WATCHED_STATUSES: readonly ConversationStatus[] = [
  ConversationStatus.Assigned,
  ConversationStatus.Pending,
];

/**
 * This replica's share of the realtime fan-out. It subscribes to exactly what its sockets need:
 * `rt.agent.<id>` while the agent has a socket here, `rt.workspace.<ws>` while the workspace
 * has one, and `rt.conversation.<id>` for the active conversations of those agents (visitor
 * typing and drafts). Subscriptions live exactly as long as the sockets that need them.
 */
@Injectable()
export class RealtimeFanout {
  private readonly logger = new Logger(RealtimeFanout.name);
  private readonly byAgent = new Map<string, Set<AgentConnection>>();
  private readonly byWorkspace = new Map<string, Set<AgentConnection>>();
  /** Watched conversation → its assignee (an agent with a socket here). */
  private readonly watched = new Map<string, string>();
  private readonly subscriptions = new Map<string, Subscription>();
  private nc?: NatsConnection;

  constructor(
    private readonly messaging: Messaging,
    private readonly realtime: Realtime,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
    private readonly conversations: ConversationsService,
    private readonly workspaces: WorkspacesService,
  ) {}

  /** Starts forwarding to `connection`; resolves once the server has its subscriptions. */
  async attach(connection: AgentConnection, agent: AuthenticatedAgent): Promise<void> {
    const nc = (this.nc = await this.messaging.connected());
    if (addTo(this.byAgent, agent.agentId, connection)) {
      this.subscribe(realtimeSubjects.agent(agent.agentId), (event, text) =>
        this.onAgentEvent(agent.agentId, event, text),
      );
    }
    if (addTo(this.byWorkspace, agent.workspaceId, connection)) {
      this.subscribe(realtimeSubjects.workspace(agent.workspaceId), (event, text) =>
        this.onWorkspaceEvent(agent.workspaceId, event, text),
      );
    }
    await nc.flush();
  }

  /** Watches the agent's active conversations, for visitor typing and drafts. */
  async watchAssigned(agent: AuthenticatedAgent): Promise<void> {
    const lists = await Promise.all(
      WATCHED_STATUSES.map((status) =>
        this.conversations.list(agent, { view: 'mine', status, limit: 100 }),
      ),
    );
    for (const conversation of lists.flat()) this.track(conversation);
    await this.nc?.flush();
  }

  detach(connection: AgentConnection, agent: AuthenticatedAgent): void {
    if (removeFrom(this.byAgent, agent.agentId, connection)) {
      this.unsubscribe(realtimeSubjects.agent(agent.agentId));
      for (const [conversationId, assigneeId] of this.watched) {
        if (assigneeId === agent.agentId) this.unwatch(conversationId);
      }
    }
    if (removeFrom(this.byWorkspace, agent.workspaceId, connection)) {
      this.unsubscribe(realtimeSubjects.workspace(agent.workspaceId));
    }
  }

  /** Whether `agentId` has a socket here and owns `conversationId`. */
  isWatchedBy(conversationId: string, agentId: string): boolean {
    return this.watched.get(conversationId) === agentId;
  }

  publishAgentTyping(agent: AuthenticatedAgent, conversationId: string, isTyping: boolean): void {
    const event: TypingRealtime = {
      type: 'typing',
      conversationId,
      by: 'agent',
      agentId: agent.agentId,
      isTyping,
    };
    void this.realtime.publish(realtimeSubjects.conversation(conversationId), event);
  }

  private onAgentEvent(agentId: string, event: RealtimeEvent, text: string): void {
    const connections = this.byAgent.get(agentId) ?? new Set<AgentConnection>();
    if (event.type === 'message.created') {
      for (const connection of connections) connection.deliverMessage(event, text);
    } else if (event.type === 'conversation.updated') {
      this.track(event.conversation);
      for (const connection of connections) connection.deliverUpdate(event, text);
    } else {
      for (const connection of connections) connection.sendRealtime(text);
    }
  }

  private onWorkspaceEvent(workspaceId: string, event: RealtimeEvent, text: string): void {
    const connections = this.byWorkspace.get(workspaceId) ?? new Set<AgentConnection>();
    if (event.type === 'conversation.updated') {
      this.track(event.conversation);
      for (const connection of connections) connection.deliverUpdate(event, text);
      return;
    }
    for (const connection of connections) connection.sendRealtime(text);
  }

  private async onConversationEvent(
    conversationId: string,
    event: RealtimeEvent,
    text: string,
  ): Promise<void> {
    const assigneeId = this.watched.get(conversationId);
    if (!assigneeId) return;
    if (event.type === 'typing' && event.by === 'visitor') {
      this.sendToAgent(assigneeId, text);
    } else if (event.type === 'draft') {
      // Sneak-peek is a workspace setting; the draft never reaches the agent when it is off.
      if (await this.workspaces.typingSneakPeek(event.workspaceId))
        this.sendToAgent(assigneeId, text, event.workspaceId);
    }
    // Agent typing (echo of our own) and queue positions are for the visitor only.
  }

  private sendToAgent(agentId: string, text: string, workspaceId?: string): void {
    for (const connection of this.byAgent.get(agentId) ?? []) {
      if (workspaceId === undefined || connection.agent?.workspaceId === workspaceId) {
        connection.sendRealtime(text);
      }
    }
  }

  /** Watches a conversation while it is active and owned by an agent with a socket here. */
  private track(conversation: ConversationView): void {
    const { id, assigneeId, status } = conversation;
    const owner =
      assigneeId !== null && WATCHED_STATUSES.includes(status) && this.byAgent.has(assigneeId)
        ? assigneeId
        : undefined;
    const current = this.watched.get(id);
    if (owner === current) return;
    if (owner === undefined) {
      this.unwatch(id);
      return;
    }
    if (current === undefined) {
      this.subscribe(realtimeSubjects.conversation(id), (event, text) =>
        this.onConversationEvent(id, event, text),
      );
    }
    this.watched.set(id, owner);
  }

  private unwatch(conversationId: string): void {
    if (this.watched.delete(conversationId))
      this.unsubscribe(realtimeSubjects.conversation(conversationId));
  }

  private subscribe(
    subject: string,
    handle: (event: RealtimeEvent, text: string) => void | Promise<void>,
  ): void {
    if (!this.nc || this.subscriptions.has(subject)) return;
    const subscription = this.nc.subscribe(namespacedSubject(this.env.HUB_NAMESPACE, subject), {
      callback: (error, msg) => {
        if (error) {
          this.logger.warn({ err: error, subject }, 'realtime subscription failed');
          return;
        }
        const parsed = parseEvent(msg);
        if (!parsed) {
          this.logger.warn({ subject }, 'realtime event is not a JSON event; dropped');
          return;
        }
        Promise.resolve(handle(parsed.event, parsed.text)).catch((failure: unknown) =>
          this.logger.error({ err: failure, subject }, 'realtime event not forwarded'),
        );
      },
    });
    this.subscriptions.set(subject, subscription);
    this.logger.debug({ subject }, 'realtime subscribed');
  }

  private unsubscribe(subject: string): void {
    const subscription = this.subscriptions.get(subject);
    if (!subscription) return;
    subscription.unsubscribe();
    this.subscriptions.delete(subject);
    this.logger.debug({ subject }, 'realtime unsubscribed');
  }
}

function parseEvent(msg: Msg): { event: RealtimeEvent; text: string } | undefined {
  const text = msg.string();
  try {
    const event = JSON.parse(text) as RealtimeEvent;
    return typeof event === 'object' && event !== null && typeof event.type === 'string'
      ? { event, text }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Adds; true when `key` had no members before. */
function addTo<T>(index: Map<string, Set<T>>, key: string, member: T): boolean {
  const members = index.get(key);
  if (members) {
    members.add(member);
    return false;
  }
  index.set(key, new Set([member]));
  return true;
}

/** Removes; true when that was the last member of `key`. */
function removeFrom<T>(index: Map<string, Set<T>>, key: string, member: T): boolean {
  const members = index.get(key);
  if (!members?.delete(member)) return false;
  if (members.size > 0) return false;
  index.delete(key);
  return true;
}
