import { Injectable } from '@nestjs/common';
import {
  realtimeSubjects,
  type ConversationView,
  type DraftRealtime,
  type OnlookerRealtimeEvent,
  type RealtimeEvent,
  type TypingRealtime,
} from '@hub/contracts';
import { ConversationStatus } from '@hub/domain';
import { Realtime } from '@hub/service-kit';
import { RealtimeSubscriptions, type RealtimeDelivery } from '@hub/socket-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { ConversationsService } from '../conversations/conversations.service';
import { DraftMasking } from '../privacy/draft-masking';
import { WorkspacesService } from '../workspaces/workspaces.service';
import type { AgentConnection } from './agent-connection';

const WATCHED_STATUSES: readonly ConversationStatus[] = [
  ConversationStatus.Assigned,
  ConversationStatus.Pending,
];

/**
 * This replica's share of the realtime fan-out. Through the kit's shared subscriptions it
 * holds exactly what its sockets need: `rt.agent.<id>` while the agent has a socket here,
 * `rt.workspace.<ws>` while the workspace has one, and `rt.conversation.<id>` for the active
 * conversations of those agents (visitor typing and drafts); for sockets watching a conversation,
 * its `rt.conversation.<id>` and `rt.onlookers.<id>` (its stored messages and notes).
 */
@Injectable()
export class RealtimeFanout {
  private readonly agents;
  private readonly workspaces;
  /** Held by the conversation's assignee, an agent with a socket here. */
  private readonly conversations;
  /** Watched conversation → its assignee. */
  private readonly owners = new Map<string, string>();
  /** Sockets watching a conversation they do not own (a supervisor looking on, read-only). */
  private readonly onlookers;
  /** Resolves once the server has every conversation subscription taken so far. */
  private subscriptionsConfirmed: Promise<void> = Promise.resolve();
  /** The same sockets, for the conversation's stored messages and notes. */
  private readonly onlookerRecords;

  constructor(
    private readonly subscriptions: RealtimeSubscriptions,
    private readonly realtime: Realtime,
    private readonly conversationsService: ConversationsService,
    private readonly workspacesService: WorkspacesService,
    private readonly draftMasking: DraftMasking,
  ) {
    this.agents = subscriptions.group<AgentConnection, RealtimeEvent>(
      inArrivalOrder((delivery) => this.onAgentEvent(delivery)),
    );
    this.workspaces = subscriptions.group<AgentConnection, RealtimeEvent>(
      inArrivalOrder((delivery) => this.onWorkspaceEvent(delivery)),
    );
    this.conversations = subscriptions.group<string, RealtimeEvent>((delivery) =>
      this.onConversationEvent(delivery),
    );
    this.onlookers = subscriptions.group<AgentConnection, RealtimeEvent>((delivery) =>
      this.onOnlookerEvent(delivery),
    );
    this.onlookerRecords = subscriptions.group<AgentConnection, OnlookerRealtimeEvent>((delivery) =>
      this.onOnlookerRecord(delivery),
    );
  }

  /** Starts forwarding to `connection`; resolves once the server has its subscriptions. */
  async attach(connection: AgentConnection, agent: AuthenticatedAgent): Promise<void> {
    this.agents.add(realtimeSubjects.agent(agent.agentId), connection);
    this.workspaces.add(realtimeSubjects.workspace(agent.workspaceId), connection);
    await this.subscriptions.flush();
  }

  /** Watches the agent's active conversations, for visitor typing and drafts. */
  async watchAssigned(agent: AuthenticatedAgent): Promise<void> {
    // One page of each (an agent's active chats are far fewer than 100).
    const pages = await Promise.all(
      WATCHED_STATUSES.map((status) =>
        this.conversationsService.list(agent, { view: 'mine', status, limit: 100 }),
      ),
    );
    for (const conversation of pages.flatMap((page) => page.items)) this.track(conversation);
    await this.subscriptions.flush();
  }

  detach(connection: AgentConnection, agent: AuthenticatedAgent): void {
    const agentSubject = realtimeSubjects.agent(agent.agentId);
    this.agents.remove(agentSubject, connection);
    if (this.agents.holders(agentSubject).size === 0) {
      for (const [conversationId, ownerId] of this.owners) {
        if (ownerId === agent.agentId) this.unwatch(conversationId);
      }
    }
    this.workspaces.remove(realtimeSubjects.workspace(agent.workspaceId), connection);
    for (const conversationId of connection.looking) this.stopLooking(connection, conversationId);
  }

  /**
   * `connection` receives the conversation's visitor typing and drafts (the sneak-peek setting
   * and masking apply), its stored messages and its notes until it stops looking or closes. The
   * caller checked it may.
   */
  async lookOn(connection: AgentConnection, conversationId: string): Promise<void> {
    connection.looking.add(conversationId);
    this.onlookers.add(realtimeSubjects.conversation(conversationId), connection);
    this.onlookerRecords.add(realtimeSubjects.onlookers(conversationId), connection);
    await this.subscriptions.flush();
  }

  stopLooking(connection: AgentConnection, conversationId: string): void {
    connection.looking.delete(conversationId);
    this.onlookers.remove(realtimeSubjects.conversation(conversationId), connection);
    this.onlookerRecords.remove(realtimeSubjects.onlookers(conversationId), connection);
  }

  /** Whether `agentId` has a socket here and owns `conversationId`. */
  isWatchedBy(conversationId: string, agentId: string): boolean {
    return this.owners.get(conversationId) === agentId;
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

  private async onAgentEvent({
    event,
    text,
    holders,
  }: RealtimeDelivery<AgentConnection, RealtimeEvent>): Promise<void> {
    if (event.type === 'message.created') {
      for (const connection of holders) connection.deliverMessage(event, text);
    } else if (event.type === 'conversation.updated') {
      await this.trackConfirmed(event.conversation);
      for (const connection of holders) connection.deliverUpdate(event, text);
    } else {
      for (const connection of holders) connection.sendRealtime(text);
    }
  }

  private async onWorkspaceEvent({
    event,
    text,
    holders,
  }: RealtimeDelivery<AgentConnection, RealtimeEvent>): Promise<void> {
    if (event.type === 'conversation.updated') {
      await this.trackConfirmed(event.conversation);
      for (const connection of holders) connection.deliverUpdate(event, text);
      return;
    }
    for (const connection of holders) connection.sendRealtime(text);
  }

  private async onConversationEvent({
    event,
    text,
    holders,
  }: RealtimeDelivery<string, RealtimeEvent>): Promise<void> {
    for (const assigneeId of holders) {
      if (event.type === 'typing' && event.by === 'visitor') {
        this.sendToAgent(assigneeId, text);
      } else if (event.type === 'draft') {
        const frame = await this.draftFrame(event);
        if (frame !== undefined) this.sendToAgent(assigneeId, frame, event.workspaceId);
      }
    }
    // Agent typing (echo of our own) and queue positions are for the visitor only.
  }

  private async onOnlookerEvent({
    event,
    text,
    holders,
  }: RealtimeDelivery<AgentConnection, RealtimeEvent>): Promise<void> {
    const isVisitorTyping = event.type === 'typing' && event.by === 'visitor';
    if (!isVisitorTyping && event.type !== 'draft') return;
    const frame = event.type === 'draft' ? await this.draftFrame(event) : text;
    if (frame === undefined) return;
    for (const connection of holders) {
      // The assignee already has it through its own subscription.
      if (connection.agent && this.owners.get(event.conversationId) !== connection.agent.agentId)
        connection.sendRealtime(frame);
    }
  }

  /**
   * A stored message or note of a watched conversation, marked `watched` (the client neither
   * alerts nor counts it unread). The agent whose own subject carried it skips this copy.
   */
  private onOnlookerRecord({
    event,
    holders,
  }: RealtimeDelivery<AgentConnection, OnlookerRealtimeEvent>): void {
    const { sentToAgentId, ...forwarded } = event;
    const frame = { ...forwarded, watched: true };
    const text = JSON.stringify(frame);
    for (const connection of holders) {
      if (!connection.agent || connection.agent.agentId === sentToAgentId) continue;
      if (frame.type === 'message.created') connection.deliverMessage(frame, text);
      else connection.sendRealtime(text);
    }
  }

  /** The draft as agents may see it; undefined while the workspace has sneak-peek off. */
  private async draftFrame(event: DraftRealtime): Promise<string | undefined> {
    if (!(await this.workspacesService.settings(event.workspaceId)).typingSneakPeek) return;
    return this.draftMasking.maskedFrame(event);
  }

  private sendToAgent(agentId: string, text: string, workspaceId?: string): void {
    for (const connection of this.agents.holders(realtimeSubjects.agent(agentId))) {
      if (workspaceId === undefined || connection.agent?.workspaceId === workspaceId) {
        connection.sendRealtime(text);
      }
    }
  }

  /**
   * {@link track}, then, when the conversation has a new owner here, waits until the server has
   * the subscription: the agent hears of a conversation they now own only once its visitor's
   * typing and drafts can reach them.
   */
  private async trackConfirmed(conversation: ConversationView): Promise<void> {
    // The latest flush confirms every subscription taken before it, so a copy of the update
    // arriving on another subject (agent, workspace) waits for the same confirmation. Should it
    // fail (NATS closing), the update still goes out.
    if (this.track(conversation))
      this.subscriptionsConfirmed = this.subscriptions.flush().catch(() => undefined);
    await this.subscriptionsConfirmed;
  }

  /**
   * Watches a conversation while it is active and owned by an agent with a socket here; true
   * when it has a new owner here (whose subscription the server may not have yet).
   */
  private track(conversation: ConversationView): boolean {
    const { id, assigneeId, status } = conversation;
    const owner =
      assigneeId !== null &&
      WATCHED_STATUSES.includes(status) &&
      this.agents.holders(realtimeSubjects.agent(assigneeId)).size > 0
        ? assigneeId
        : undefined;
    const current = this.owners.get(id);
    if (owner === current) return false;
    if (owner === undefined) {
      this.unwatch(id);
      return false;
    }
    // The new owner joins before the old one leaves: the subscription stays up meanwhile.
    this.conversations.add(realtimeSubjects.conversation(id), owner);
    this.owners.set(id, owner);
    if (current !== undefined)
      this.conversations.remove(realtimeSubjects.conversation(id), current);
    return true;
  }

  private unwatch(conversationId: string): void {
    const owner = this.owners.get(conversationId);
    if (owner === undefined) return;
    this.owners.delete(conversationId);
    this.conversations.remove(realtimeSubjects.conversation(conversationId), owner);
  }
}

/**
 * Handles a group's events one after another, in arrival order: one that waits for a new
 * subscription to be confirmed must not be overtaken by the events behind it.
 */
function inArrivalOrder<D>(handle: (delivery: D) => Promise<void>): (delivery: D) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (delivery) => {
    const handled = last.then(() => handle(delivery));
    last = handled.catch(() => undefined);
    return handled;
  };
}
