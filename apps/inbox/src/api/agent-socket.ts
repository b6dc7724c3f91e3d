import { ApiError } from './api-error';
import { reconnectDelayMs } from './backoff';
import { SeqTracker } from './seq-tracker';
import type { ErrorBody, MessageView } from './types';

export type SocketStatus = 'connecting' | 'connected' | 'disconnected' | 'stopped';

/** A server frame: `type` plus its payload (docs/agent-socket.md, "Server → client frames"). */
export interface ServerFrame {
  type: string;
  ref?: string | number;
  [field: string]: unknown;
}

type FrameHandler = (frame: ServerFrame) => void;

interface Pending {
  resolve(frame: ServerFrame): void;
  reject(error: ApiError): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface AgentSocketOptions {
  url: string;
  /** The current access token, or a refreshed one after a 4401 (null: signed out, stop). */
  token(): string | null;
  refreshToken(): Promise<string | null>;
  createSocket?: (url: string) => WebSocket;
}

const REPLY_TIMEOUT_MS = 10_000;
/** Our own liveness check: a ping every 10 s, and a socket that does not pong in 10 s is dead. */
const PING_EVERY_MS = 10_000;

/**
 * The inbox's one WebSocket to the gateway: authenticates, resumes every conversation on screen
 * after each (re)connect, delivers stored messages once and in order, reconnects with backoff,
 * and lets any screen subscribe to frame types or send a frame and await its reply.
 */
export class AgentSocket {
  readonly seqs = new SeqTracker();
  private socket: WebSocket | null = null;
  private status: SocketStatus = 'disconnected';
  private attempt = 0;
  private nextRef = 1;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private awaitingPong = false;
  private readonly pending = new Map<string, Pending>();
  private readonly handlers = new Map<string, Set<FrameHandler>>();
  private readonly statusListeners = new Set<(status: SocketStatus) => void>();

  constructor(private readonly options: AgentSocketOptions) {}

  get currentStatus(): SocketStatus {
    return this.status;
  }

  start(): void {
    if (this.status === 'connecting' || this.status === 'connected') return;
    this.open();
  }

  /** Closes for good (sign-out): no reconnect. */
  stop(): void {
    clearTimeout(this.reconnectTimer);
    this.setStatus('stopped');
    this.socket?.close(1000);
    this.socket = null;
    this.failPending('SOCKET_CLOSED');
  }

  on(type: string, handler: FrameHandler): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  onStatus(listener: (status: SocketStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Follows a conversation on screen from `lastSeq`: its missed messages come as `message.created`. */
  follow(conversationId: string, lastSeq: number): void {
    this.seqs.follow(conversationId, lastSeq);
    if (this.status === 'connected')
      this.fire({
        type: 'resume',
        conversations: { [conversationId]: this.seqs.lastOf(conversationId) },
      });
  }

  unfollow(conversationId: string): void {
    this.seqs.unfollow(conversationId);
  }

  /** Sends a frame and resolves with its reply (rejects with the hub's error). */
  request(frame: { type: string; [field: string]: unknown }): Promise<ServerFrame> {
    if (this.status !== 'connected' || !this.socket)
      return Promise.reject(
        new ApiError({ status: 0, code: 'SOCKET_OFFLINE', message: 'offline' }),
      );
    const ref = `r${this.nextRef++}`;
    return new Promise<ServerFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        reject(new ApiError({ status: 0, code: 'SOCKET_TIMEOUT', message: 'no reply' }));
      }, REPLY_TIMEOUT_MS);
      this.pending.set(ref, { resolve, reject, timer });
      this.socket?.send(JSON.stringify({ ...frame, ref }));
    });
  }

  /** Sends a frame whose reply nobody waits for (typing). */
  fire(frame: { type: string; [field: string]: unknown }): void {
    if (this.status === 'connected') this.socket?.send(JSON.stringify(frame));
  }

  private open(): void {
    const token = this.options.token();
    if (!token) return this.setStatus('stopped');
    this.setStatus('connecting');
    const socket = (this.options.createSocket ?? ((url) => new WebSocket(url)))(this.options.url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token, ref: 'auth' }));
    socket.onmessage = (event: MessageEvent<string>) =>
      this.receive(JSON.parse(event.data) as ServerFrame);
    socket.onclose = (event: CloseEvent) => this.closed(socket, event.code);
  }

  private closed(socket: WebSocket, code: number): void {
    if (this.socket !== socket) return;
    this.socket = null;
    clearInterval(this.pingTimer);
    this.failPending('SOCKET_CLOSED');
    if (this.status === 'stopped') return;
    this.setStatus('disconnected');
    void this.reconnect(code);
  }

  private async reconnect(closeCode: number): Promise<void> {
    if (closeCode === 4401 && !(await this.options.refreshToken()))
      return this.setStatus('stopped');
    const delay = reconnectDelayMs(this.attempt++);
    this.reconnectTimer = setTimeout(() => {
      if (this.status === 'disconnected') this.open();
    }, delay);
  }

  private receive(frame: ServerFrame): void {
    if (frame.type === 'ready') return this.onReady();
    if (frame.type === 'pong') this.awaitingPong = false;
    if (frame.type === 'message.created' && !this.admitMessage(frame.message as MessageView))
      return;
    const pending = typeof frame.ref === 'string' ? this.pending.get(frame.ref) : undefined;
    if (pending && frame.ref !== undefined) {
      this.pending.delete(String(frame.ref));
      clearTimeout(pending.timer);
      if (frame.type === 'error') pending.reject(new ApiError(frame as unknown as ErrorBody));
      else pending.resolve(frame);
    }
    this.handlers.get(frame.type)?.forEach((handler) => handler(frame));
  }

  /** In order: shown; older: dropped; a gap: resumed from the last one held instead. */
  private admitMessage(message: MessageView): boolean {
    const { conversationId, seq } = message;
    if (!this.seqs.isFollowing(conversationId)) return true;
    const verdict = this.seqs.judge(conversationId, seq);
    if (verdict === 'gap')
      this.fire({
        type: 'resume',
        conversations: { [conversationId]: this.seqs.lastOf(conversationId) },
      });
    return verdict === 'show';
  }

  private onReady(): void {
    this.attempt = 0;
    this.setStatus('connected');
    const conversations = this.seqs.resumePayload();
    if (Object.keys(conversations).length > 0) this.fire({ type: 'resume', conversations });
    this.awaitingPong = false;
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.checkLiveness(), PING_EVERY_MS);
  }

  private checkLiveness(): void {
    if (this.awaitingPong) {
      // No pong since the last ping: the network is gone. A close handshake cannot finish
      // without it, so reconnect now rather than on the browser's close event.
      const socket = this.socket;
      if (!socket) return;
      socket.close();
      return this.closed(socket, 1006);
    }
    this.awaitingPong = true;
    this.fire({ type: 'ping' });
  }

  private failPending(code: string): void {
    for (const [ref, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new ApiError({ status: 0, code, message: 'the socket closed' }));
      this.pending.delete(ref);
    }
  }

  private setStatus(status: SocketStatus): void {
    this.status = status;
    this.statusListeners.forEach((listener) => listener(status));
  }
}
