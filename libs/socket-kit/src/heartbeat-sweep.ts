/** What the sweep needs of a socket: its liveness, its turn, and the two ws calls. */
export interface HeartbeatTarget {
  /** Something (a pong or a frame) arrived since its last ping. */
  alive: boolean;
  /** When the sweep pings it next; 0 until the sweep has placed it in the interval. */
  nextPingAt: number;
  ping(): void;
  terminate(): void;
}

export interface HeartbeatSweepOptions<T extends HeartbeatTarget> {
  /** The live set of sockets the server holds. */
  sockets: Iterable<T>;
  /** Each socket is pinged once per interval; one silent for a whole interval is cut. */
  intervalMs: number;
  /** How often the sweep runs (the precision of every deadline it checks). */
  tickMs: number;
  /** The server's own per-tick work (auth deadlines, token expiry), before the pings. */
  onTick?: (now: number) => void;
  /** Per-socket housekeeping at the socket's ping. */
  onPing?: (socket: T, now: number) => void;
}

/**
 * One timer per process for every socket, not one per socket. Each socket is pinged once per
 * interval at its own moment (its first one random), so thousands of idle sockets cost a
 * trickle of pings rather than a burst; a socket that sent nothing (pong or frame) since its
 * previous ping is cut (the client sees 1006 and reconnects).
 */
export class HeartbeatSweep<T extends HeartbeatTarget> {
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: HeartbeatSweepOptions<T>) {}

  start(): void {
    this.timer ??= setInterval(() => this.sweep(Date.now()), this.options.tickMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  sweep(now: number): void {
    const { sockets, intervalMs, onTick, onPing } = this.options;
    onTick?.(now);
    for (const socket of sockets) {
      socket.nextPingAt ||= now + Math.random() * intervalMs;
      if (now < socket.nextPingAt) continue;
      socket.nextPingAt = now + intervalMs;
      if (!socket.alive) {
        socket.terminate();
        continue;
      }
      socket.alive = false;
      socket.ping();
      onPing?.(socket, now);
    }
  }
}
