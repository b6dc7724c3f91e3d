import type { ServerFrame } from '../api/types';
import { reconnectDelayMs } from './backoff';

/** The part of the browser's WebSocket the connection uses (tests pass their own). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number): void;
}

export type ConnectionState = 'connecting' | 'online' | 'reconnecting';

export interface VisitorConnectionOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  /** The hello frame for this attempt (token and resume point as of now). */
  hello: () => Record<string, unknown>;
  onFrame: (frame: ServerFrame) => void;
  onState: (state: ConnectionState) => void;
  /** Close code 4401: the token is no longer valid; get a new session before reconnecting. */
  renewSession: () => Promise<void>;
  random?: () => number;
  /** Client ping period: a socket silent this long after a ping is treated as dropped. */
  pingIntervalMs?: number;
}

const OPEN = 1;
const UNAUTHORIZED = 4401;

/**
 * The visitor socket with its life cycle: hello on open, `online` after welcome, reconnect with
 * backoff and jitter on any drop (a new session first on 4401), and a ping of its own, because a
 * network that vanishes without a close frame is only noticed by silence.
 */
export class VisitorConnection {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private heardSincePing = true;
  private stopped = false;
  private welcomed = false;

  constructor(private readonly options: VisitorConnectionOptions) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(1000);
    this.socket = null;
  }

  get isOnline(): boolean {
    return this.welcomed && this.socket?.readyState === OPEN;
  }

  /** Sends a frame when welcomed; returns false (frame not sent) otherwise. */
  send(frame: Record<string, unknown>): boolean {
    if (!this.isOnline || !this.socket) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** The browser says the network is back: skip the rest of the backoff wait. */
  retryNow(): void {
    if (this.stopped || this.socket) return;
    clearTimeout(this.retryTimer);
    this.open();
  }

  /**
   * The browser says the network is gone: stop trusting the socket now rather than after a ping
   * goes unanswered, so what the visitor sends meanwhile waits in the outbox.
   */
  networkLost(): void {
    if (this.stopped || !this.socket) return;
    this.abandon(this.socket);
  }

  private abandon(socket: SocketLike): void {
    this.dropped(socket, 1006);
    socket.close(4000);
  }

  private open(): void {
    this.welcomed = false;
    this.options.onState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify(this.options.hello()));
    socket.onmessage = (event) => this.receive(socket, event.data);
    socket.onclose = (event) => this.dropped(socket, event.code);
    socket.onerror = () => undefined; // always followed by onclose
  }

  private receive(socket: SocketLike, data: unknown): void {
    if (socket !== this.socket || typeof data !== 'string') return;
    this.heardSincePing = true;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch (_notJson) {
      return; // the server only sends JSON; anything else is noise to ignore
    }
    if (frame.type === 'welcome') {
      this.welcomed = true;
      this.attempt = 0;
      this.startPinging(socket);
      this.options.onState('online');
    }
    this.options.onFrame(frame);
  }

  private dropped(socket: SocketLike, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.welcomed = false;
    clearInterval(this.pingTimer);
    if (this.stopped) return;
    this.attempt += 1;
    this.options.onState('reconnecting');
    if (code === UNAUTHORIZED) {
      // Straight back with the new token, unless the new one was refused as well.
      const delay = () =>
        this.attempt > 1 ? reconnectDelayMs(this.attempt - 1, this.options.random) : 0;
      this.options.renewSession().then(
        () => this.scheduleRetry(delay()),
        () => this.scheduleRetry(reconnectDelayMs(this.attempt, this.options.random)),
      );
      return;
    }
    this.scheduleRetry(reconnectDelayMs(this.attempt - 1, this.options.random));
  }

  private scheduleRetry(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delayMs);
  }

  private startPinging(socket: SocketLike): void {
    clearInterval(this.pingTimer);
    this.heardSincePing = true;
    this.pingTimer = setInterval(() => {
      if (!this.heardSincePing) {
        // Nothing since the last ping: the network is gone even if no close event came.
        this.abandon(socket);
        return;
      }
      this.heardSincePing = false;
      if (socket.readyState === OPEN) socket.send(JSON.stringify({ type: 'ping' }));
    }, this.options.pingIntervalMs ?? 20_000);
  }
}
