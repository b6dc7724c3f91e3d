import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type {
  ConversationUpdatedRealtime,
  MessageCreatedRealtime,
  MessageView,
} from '@hub/contracts';
import {
  Backpressure,
  closeReason,
  errorFrame,
  type FrameRef,
  type HeartbeatTarget,
  type SocketCloseCode,
} from '@hub/socket-kit';
import type { FileLinks } from '@hub/storage';
import { WebSocket } from 'ws';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';

// An agent's frames are small: 4 MiB unsent means the client stopped reading.
const backpressure = new Backpressure(4 * 1024 * 1024);
const MAX_QUEUED_FRAMES = 100;
const RECENT_UPDATE_TTL_MS = 30_000;
const MAX_EARLY_FRAMES = 1_000;

export type ConnectionState = 'awaiting-auth' | 'authenticating' | 'ready' | 'closed';

/** One agent socket: its state, its outgoing frames, and its frames handled one after another. */
export class AgentConnection implements HeartbeatTarget {
  private static readonly logger = new Logger('AgentConnection');
  readonly id = randomUUID();
  readonly openedAt = Date.now();
  alive = true;
  nextPingAt = 0;
  state: ConnectionState = 'awaiting-auth';
  agent?: AuthenticatedAgent;
  /** Routing was told this connection is open (so it must be told when it closes). */
  announced = false;
  /** The realtime fan-out forwards to this connection. */
  attached = false;
  /** Conversations of the agent's workspace the agent may send typing to (checked once). */
  readonly typingChecked = new Set<string>();
  /** Conversations this socket watches without owning them (conversation.watch). */
  readonly looking = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  // Live messages of conversations being replayed wait here, so the client sees seq order.
  private readonly replaying = new Map<string, MessageView[]>();
  // conversation.updated arrives on both rt.agent.<id> and rt.workspace.<ws>: forward it once.
  private readonly recentUpdates = new Map<string, number>();
  // Realtime frames that arrive between subscribing and `ready` go out right after `ready`.
  private early: string[] | undefined = [];

  constructor(
    private readonly socket: WebSocket,
    /** Signs the attachments of the messages sent here, for the origin the agent used. */
    private readonly links: { fileLinks: FileLinks; origin: string },
  ) {}

  isClosed(): boolean {
    return this.state === 'closed';
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(frame: object): void {
    this.sendText(JSON.stringify(this.withAttachmentUrls(frame)));
  }

  // Every message this socket is sent passes here or through deliverMessage: each attachment
  // gets a fresh link in this one place.
  private withAttachmentUrls<T extends object>(frame: T): T {
    return this.links.fileLinks.withAttachmentUrls(frame, this.links.origin);
  }

  sendText(text: string): void {
    backpressure.send(this.socket, text);
  }

  /** A forwarded realtime frame: held until the socket is ready, then sent in arrival order. */
  sendRealtime(text: string): void {
    if (this.early === undefined) this.sendText(text);
    else if (this.early.length < MAX_EARLY_FRAMES) this.early.push(text);
  }

  /** Sends `ready`, then whatever realtime frames arrived before it. */
  markReady(readyFrame: object): void {
    this.state = 'ready';
    this.send(readyFrame);
    const early = this.early ?? [];
    this.early = undefined;
    for (const text of early) this.sendText(text);
  }

  sendError(error: unknown, ref?: FrameRef): void {
    this.send(errorFrame(error, ref));
  }

  close(code: SocketCloseCode): void {
    if (
      this.socket.readyState === WebSocket.OPEN ||
      this.socket.readyState === WebSocket.CONNECTING
    ) {
      this.socket.close(code, closeReason(code));
    }
  }

  terminate(): void {
    this.socket.terminate();
  }

  ping(): void {
    if (this.isOpen) this.socket.ping();
  }

  /** Runs `task` after the frames before it; false when too many are waiting. */
  enqueue(task: () => Promise<void>): boolean {
    if (this.queued >= MAX_QUEUED_FRAMES) return false;
    this.queued++;
    this.queue = this.queue
      .then(task)
      // Tasks answer their own errors; this only keeps one bug from stopping the queue.
      .catch((error: unknown) =>
        AgentConnection.logger.error(
          { err: error, connectionId: this.id },
          'agent socket task failed',
        ),
      )
      .finally(() => this.queued--);
    return true;
  }

  deliverMessage(event: MessageCreatedRealtime, text: string): void {
    const held = this.replaying.get(event.message.conversationId);
    if (held) held.push(event.message);
    else if (event.message.attachment)
      this.sendRealtime(JSON.stringify(this.withAttachmentUrls(event)));
    else this.sendRealtime(text);
  }

  deliverUpdate(event: ConversationUpdatedRealtime, text: string, now = Date.now()): void {
    const { id, updatedAt, status, assigneeId } = event.conversation;
    const key = `${id}|${updatedAt}|${status}|${assigneeId ?? ''}`;
    if (this.recentUpdates.has(key)) return;
    this.recentUpdates.set(key, now + RECENT_UPDATE_TTL_MS);
    this.sendRealtime(text);
  }

  /** Holds live messages of `conversationId` until {@link endReplay}. */
  beginReplay(conversationId: string): void {
    if (!this.replaying.has(conversationId)) this.replaying.set(conversationId, []);
  }

  /** Sends the held live messages newer than `lastSeq`, in order; returns the last seq sent. */
  endReplay(conversationId: string, lastSeq: number): number {
    const held = this.replaying.get(conversationId) ?? [];
    this.replaying.delete(conversationId);
    let last = lastSeq;
    for (const message of held.sort((a, b) => a.seq - b.seq)) {
      if (message.seq <= last) continue;
      this.send({ type: 'message.created', message });
      last = message.seq;
    }
    return last;
  }

  forgetOldUpdates(now: number): void {
    for (const [key, until] of this.recentUpdates) if (until <= now) this.recentUpdates.delete(key);
  }
}
