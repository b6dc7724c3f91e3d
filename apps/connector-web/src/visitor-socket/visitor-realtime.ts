import { Injectable, Logger } from '@nestjs/common';
import { realtimeSubjects, type VisitorSessionRevokedRealtime } from '@hub/contracts';
import { RealtimeSubscriptions, type RealtimeDelivery } from '@hub/socket-kit';
import { LivePresence } from '../live-visitors/live-presence';
import { VisitorSessionError } from '../visitor-sessions/visitor-session.exception';
import type { VisitorIdentity } from '../visitor-sessions/visitor-sessions.service';
import { QueuePositionLookup } from './queue-position';
import { refuse } from './socket-errors';
import { VisitorDelivery } from './visitor-delivery';
import type { VisitorEvent } from './visitor-events';
import type { VisitorSocket } from './visitor-socket';

type Delivery = RealtimeDelivery<VisitorSocket, VisitorEvent>;
type VisitorSubjectDelivery = RealtimeDelivery<
  VisitorSocket,
  VisitorEvent | VisitorSessionRevokedRealtime
>;

/**
 * The realtime events of the visitors whose sockets this replica holds. Each socket holds
 * `rt.visitor.<id>` of its visitor and `rt.conversation.<id>` of the conversation it follows;
 * the kit's shared subscriptions subscribe once per subject however many tabs hold it, and
 * unsubscribe when the last one closes, so the replica receives only what its sockets need.
 */
@Injectable()
export class VisitorRealtime {
  private readonly logger = new Logger(VisitorRealtime.name);
  private readonly visitors;
  private readonly conversations;

  constructor(
    private readonly subscriptions: RealtimeSubscriptions,
    private readonly delivery: VisitorDelivery,
    private readonly queuePosition: QueuePositionLookup,
    private readonly presence: LivePresence,
  ) {
    this.visitors = subscriptions.group<
      VisitorSocket,
      VisitorEvent | VisitorSessionRevokedRealtime
    >((delivery) => this.onVisitorEvent(delivery));
    this.conversations = subscriptions.group<VisitorSocket, VisitorEvent>((delivery) =>
      this.onConversationEvent(delivery),
    );
  }

  /** From now on the socket receives the events of `visitor`. */
  attach(socket: VisitorSocket, visitor: VisitorIdentity): void {
    this.visitors.add(realtimeSubjects.visitor(visitor.visitorId), socket);
    socket.visitor = visitor;
  }

  detach(socket: VisitorSocket): void {
    const visitor = socket.visitor;
    if (!visitor) return;
    this.follow(socket, null);
    this.visitors.remove(realtimeSubjects.visitor(visitor.visitorId), socket);
    socket.visitor = null;
  }

  /** Moves the socket's `rt.conversation` subscription to `conversationId`; true if it moved. */
  follow(socket: VisitorSocket, conversationId: string | null): boolean {
    const current = socket.followedConversationId;
    if (current === conversationId) return false;
    // Joining before leaving keeps a subscription other tabs share up meanwhile.
    if (conversationId)
      this.conversations.add(realtimeSubjects.conversation(conversationId), socket);
    socket.followedConversationId = conversationId;
    if (current) this.conversations.remove(realtimeSubjects.conversation(current), socket);
    return true;
  }

  /**
   * Asks routing where the conversation stands and tells the sockets following it. Routing
   * publishes every change, but one made before this replica subscribed (a conversation just
   * opened, a visitor reconnecting) would otherwise be missed until the queue moves again.
   */
  async announceQueuePosition(workspaceId: string, conversationId: string): Promise<void> {
    const askedAt = Date.now();
    try {
      // The subscription is on the server before routing is asked: no change falls in between.
      await this.subscriptions.flush();
    } catch (error) {
      this.logger.debug({ err: error }, 'NATS flush failed');
    }
    const position = await this.queuePosition.find(workspaceId, conversationId);
    if (!position) return;
    for (const socket of this.conversations.holders(
      realtimeSubjects.conversation(conversationId),
    )) {
      // A position routing published after we asked is newer than this answer.
      if (socket.positionAt <= askedAt) this.delivery.deliver(socket, position);
    }
  }

  private onVisitorEvent({ event, holders }: VisitorSubjectDelivery): void {
    if (event.type === 'session.revoked') {
      // An agent ended the visitor's sessions: the token is refused from now on.
      for (const socket of [...holders])
        refuse(socket, VisitorSessionError.invalidToken(), undefined);
      return;
    }
    const opened = event.type === 'message.created' ? event.message.conversationId : null;
    let moved = false;
    let visitor: VisitorIdentity | null = null;
    for (const socket of holders) {
      if (opened && this.follow(socket, opened)) moved = true;
      visitor = socket.visitor;
    }
    if (opened && moved && visitor) {
      void this.announceQueuePosition(visitor.workspaceId, opened);
      // The visitor's sockets moved to a new conversation: agents see them start chatting.
      this.presence
        .markChatting(visitor.visitorId, opened)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'visitor.chatting not told'));
    }
    for (const socket of holders) this.delivery.deliver(socket, event);
  }

  private onConversationEvent({ event, holders }: Delivery): void {
    // Only the agent's typing and the queue position; the visitor's own typing and draft echo here too.
    if (event.type === 'queue.position') {
      const now = Date.now();
      for (const socket of holders) socket.positionAt = now;
    } else if (event.type !== 'typing' || event.by !== 'agent') {
      return;
    }
    for (const socket of holders) this.delivery.deliver(socket, event);
  }
}
