import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { realtimeSubjects } from '@hub/contracts';
import { namespacedSubject } from '@hub/messaging';
import { DomainException, Messaging, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';
import type { VisitorIdentity } from '../visitor-sessions/visitor-sessions.service';
import { QueuePositionLookup } from './queue-position';
import { VisitorDelivery } from './visitor-delivery';
import type { VisitorEvent } from './visitor-events';
import type { VisitorSocket } from './visitor-socket';

/** One visitor held by this replica: its sockets (tabs) and its two realtime subscriptions. */
export class VisitorEntry implements VisitorIdentity {
  sockets: VisitorSocket[] = [];
  subscription: Subscription | null = null;
  /** The visitor's current conversation, whose typing and queue position its sockets get. */
  conversationId: string | null = null;
  conversationSubscription: Subscription | null = null;
  /** When routing last told this visitor its queue position (a lookup older than that is stale). */
  positionAt = 0;

  constructor(
    readonly visitorId: string,
    readonly workspaceId: string,
    readonly inboxId: string,
  ) {}
}

/**
 * The visitors whose sockets this replica holds. Each visitor is subscribed once (however many
 * tabs) to `rt.visitor.<id>` and to `rt.conversation.<id>` of its conversation, and unsubscribed
 * when its last socket closes, so the replica receives only what its own sockets need. The
 * subscriptions share two callbacks that find the visitor by subject.
 */
@Injectable()
export class VisitorRegistry implements OnApplicationBootstrap {
  private readonly logger = new Logger(VisitorRegistry.name);
  private readonly visitors = new Map<string, VisitorEntry>();
  private readonly byConversation = new Map<string, VisitorEntry>();
  private readonly visitorPrefix: string;
  private readonly conversationPrefix: string;
  private nc: NatsConnection | null = null;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorWebEnv,
    private readonly messaging: Messaging,
    private readonly delivery: VisitorDelivery,
    private readonly queuePosition: QueuePositionLookup,
  ) {
    this.visitorPrefix = this.subjectPrefix(realtimeSubjects.visitor);
    this.conversationPrefix = this.subjectPrefix(realtimeSubjects.conversation);
  }

  onApplicationBootstrap(): void {
    this.messaging.connected().then(
      (nc) => (this.nc = nc),
      (error: unknown) =>
        this.logger.error({ err: error }, 'NATS never connected; visitor sockets are refused'),
    );
  }

  get size(): number {
    return this.visitors.size;
  }

  /** Registers a socket of `identity`; from now on it receives the visitor's realtime events. */
  attach(socket: VisitorSocket, identity: VisitorIdentity): VisitorEntry {
    const nc = this.nc;
    if (!nc || nc.isClosed()) {
      throw new DomainException('REALTIME_UNAVAILABLE', 'NATS is not connected; try again');
    }
    let entry = this.visitors.get(identity.visitorId);
    if (!entry) {
      entry = new VisitorEntry(identity.visitorId, identity.workspaceId, identity.inboxId);
      entry.subscription = nc.subscribe(this.visitorPrefix + identity.visitorId, {
        callback: this.onVisitorEvent,
      });
      this.visitors.set(identity.visitorId, entry);
    }
    entry.sockets.push(socket);
    socket.visitor = entry;
    return entry;
  }

  detach(socket: VisitorSocket): void {
    const entry = socket.visitor;
    if (!entry) return;
    socket.visitor = null;
    entry.sockets = entry.sockets.filter((other) => other !== socket);
    if (entry.sockets.length > 0) return;
    this.unsubscribe(entry.subscription);
    this.followConversation(entry, null);
    this.visitors.delete(entry.visitorId);
  }

  /** Switches the visitor's `rt.conversation` subscription to `conversationId`; true if it changed. */
  followConversation(entry: VisitorEntry, conversationId: string | null): boolean {
    if (entry.conversationId === conversationId) return false;
    if (entry.conversationId) this.byConversation.delete(entry.conversationId);
    this.unsubscribe(entry.conversationSubscription);
    entry.conversationSubscription = null;
    entry.conversationId = conversationId;
    if (!conversationId || !this.nc || this.nc.isClosed()) return true;
    this.byConversation.set(conversationId, entry);
    entry.conversationSubscription = this.nc.subscribe(this.conversationPrefix + conversationId, {
      callback: this.onConversationEvent,
    });
    return true;
  }

  /**
   * Asks routing where the visitor's conversation stands and tells its sockets. Routing
   * publishes every change, but one made before this replica subscribed (a conversation just
   * opened, a visitor reconnecting) would otherwise be missed until the queue moves again.
   */
  async announceQueuePosition(entry: VisitorEntry, conversationId: string): Promise<void> {
    const askedAt = Date.now();
    try {
      // The subscription is on the server before routing is asked: no change falls in between.
      await this.nc?.flush();
    } catch (error) {
      this.logger.debug({ err: error }, 'NATS flush failed');
    }
    const position = await this.queuePosition.find(entry.workspaceId, conversationId);
    const current = entry.conversationId === conversationId && entry.sockets.length > 0;
    if (position && current && entry.positionAt <= askedAt) this.fanOut(entry, position);
  }

  private readonly onVisitorEvent = (error: Error | null, msg: Msg): void => {
    if (error) return this.logger.warn({ err: error }, 'visitor subscription failed');
    const entry = this.visitors.get(msg.subject.slice(this.visitorPrefix.length));
    const event = this.parse(msg);
    if (!entry || !event) return;
    const opened = event.type === 'message.created' ? event.message.conversationId : null;
    if (opened && this.followConversation(entry, opened)) {
      void this.announceQueuePosition(entry, opened);
    }
    this.fanOut(entry, event);
  };

  private readonly onConversationEvent = (error: Error | null, msg: Msg): void => {
    if (error) return this.logger.warn({ err: error }, 'conversation subscription failed');
    const entry = this.byConversation.get(msg.subject.slice(this.conversationPrefix.length));
    const event = this.parse(msg);
    // Only the agent's typing and the queue position; the visitor's own typing and draft echo here too.
    if (!entry || !event) return;
    if (event.type === 'queue.position') entry.positionAt = Date.now();
    if ((event.type === 'typing' && event.by === 'agent') || event.type === 'queue.position') {
      this.fanOut(entry, event);
    }
  };

  private fanOut(entry: VisitorEntry, event: VisitorEvent): void {
    for (const socket of entry.sockets) this.delivery.deliver(socket, event);
  }

  private parse(msg: Msg): VisitorEvent | null {
    try {
      return msg.json<VisitorEvent>();
    } catch (error) {
      this.logger.warn({ err: error, subject: msg.subject }, 'realtime event is not JSON; dropped');
      return null;
    }
  }

  private unsubscribe(subscription: Subscription | null): void {
    if (!subscription || subscription.isClosed()) return;
    try {
      subscription.unsubscribe();
    } catch (error) {
      // The connection is closing: the server drops the subscription with it.
      this.logger.debug({ err: error }, 'unsubscribe skipped');
    }
  }

  /** `rt.visitor.<id>` → `<ns>.rt.visitor.`: the subscriptions' callbacks read the id after it. */
  private subjectPrefix(subjectOf: (id: string) => string): string {
    const id = '_';
    return namespacedSubject(this.env.HUB_NAMESPACE, subjectOf(id)).slice(0, -id.length);
  }
}
