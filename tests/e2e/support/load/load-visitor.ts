import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import type { History, Operation } from './history';
import { newSession, type VisitorSession } from '../visitor-client';

type Frame = Record<string, unknown> & { type: string };
type Reply = { kind: 'accepted' } | { kind: 'error'; frame: Frame } | { kind: 'dropped' };

// An attempt with no answer after this is abandoned (and resent with the same client id, as
// docs/visitor-socket.md's resend rule says a client should).
const ATTEMPT_TIMEOUT_MS = 5_000;
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 1_000;

export interface LoadVisitorOptions {
  /** connector-web's replicas: each (re)connect takes the next one. */
  webUrls: () => readonly string[];
  inboxId: string;
  client: number;
  history: History;
  /** A run-unique prefix for client message ids. */
  runId: string;
}

/**
 * A widget visitor as a well-behaved client would be: one socket, reconnecting with backoff
 * when it drops, one message in flight at a time, resending it with the same client id until
 * the hub accepts it, refuses it, or the phase gives up on it. Every send is an operation in
 * the history.
 */
export class LoadVisitor {
  private session!: VisitorSession;
  private socket?: WebSocket;
  private welcomed?: Promise<WebSocket>;
  private readonly pending = new Map<string, (reply: Reply) => void>();
  private stopped = false;
  private sent = 0;
  private connects = 0;

  constructor(private readonly options: LoadVisitorOptions) {}

  async open(): Promise<void> {
    this.session = await newSession(this.webUrl(), this.options.inboxId);
    await this.connected();
  }

  /**
   * Sends messages one after another, `pauseMs` apart, until `until()` says stop; then gives the
   * message in flight until `drainUntil` (performance.now()) to be answered.
   */
  async run(options: {
    phase: string;
    pauseMs: number;
    until: () => boolean;
    drainUntil: () => number;
  }): Promise<void> {
    while (!options.until() && !this.stopped) {
      const op = this.options.history.begin({
        clientMessageId: `${this.options.runId}-v${this.options.client}-${this.sent}`,
        client: this.options.client,
        index: this.sent++,
        phase: options.phase,
      });
      await this.deliver(op, options.drainUntil);
      await sleep(options.pauseMs);
    }
  }

  /** Sends `op` `copies` times at once (even if already accepted), as a client retrying in a hurry. */
  async sendCopies(op: Operation, copies: number, drainUntil: () => number): Promise<void> {
    await Promise.all(Array.from({ length: copies }, () => this.deliver(op, drainUntil, true)));
  }

  /** Drops the socket now; the next send reconnects (to the next replica). */
  reconnectNow(): void {
    this.socket?.terminate();
  }

  /** A new operation of this client, for a test that sends it by hand. */
  beginOperation(phase: string): Operation {
    return this.options.history.begin({
      clientMessageId: `${this.options.runId}-v${this.options.client}-${this.sent}`,
      client: this.options.client,
      index: this.sent++,
      phase,
    });
  }

  close(): void {
    this.stopped = true;
    this.socket?.terminate();
  }

  private async deliver(op: Operation, drainUntil: () => number, resend = false): Promise<void> {
    let errors = 0;
    let silent = 0;
    for (
      let first = resend;
      (first || op.outcome !== 'ok') && performance.now() < drainUntil() && !this.stopped;
      first = false
    ) {
      const socket = await this.connected();
      const ref = `${op.clientMessageId}#${op.attempts++}`;
      const reply = this.reply(ref);
      socket.send(
        JSON.stringify({
          type: 'message.send',
          ref,
          clientMessageId: op.clientMessageId,
          content: `load ${op.clientMessageId}`,
        }),
      );
      const answer = await reply;
      if (answer.kind === 'accepted') {
        op.outcome = 'ok';
        op.acceptedAt ??= performance.now();
      } else if (answer.kind === 'error') {
        errors++;
        op.errorCode = String(answer.frame.code);
        await sleep(Number(answer.frame.retryAfterMs ?? 200));
      } else {
        silent++;
      }
    }
    // A refusal proves nothing was stored only when no attempt went unanswered.
    if (op.outcome !== 'ok') op.outcome = silent === 0 && errors > 0 ? 'failed' : 'unknown';
  }

  private reply(ref: string): Promise<Reply> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle({ kind: 'dropped' }), ATTEMPT_TIMEOUT_MS);
      const settle = (reply: Reply) => {
        clearTimeout(timer);
        this.pending.delete(ref);
        resolve(reply);
      };
      this.pending.set(ref, settle);
    });
  }

  /** The welcomed socket, reconnecting (with backoff) until there is one. */
  private connected(): Promise<WebSocket> {
    this.welcomed ??= this.reconnect();
    return this.welcomed;
  }

  private async reconnect(): Promise<WebSocket> {
    for (let backoff = RECONNECT_MIN_MS; ; backoff = Math.min(backoff * 2, RECONNECT_MAX_MS)) {
      if (this.stopped) throw new Error('visitor stopped');
      const socket = await this.hello().catch(() => undefined);
      if (socket) return socket;
      await sleep(backoff);
    }
  }

  private webUrl(): string {
    const urls = this.options.webUrls();
    return urls[(this.options.client + this.connects++) % urls.length];
  }

  private hello(): Promise<WebSocket> {
    const url = `${this.webUrl().replace(/^http/, 'ws')}/ws/visitor`;
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.on('error', reject);
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'hello', token: this.session.token })),
      );
      socket.on('close', () => {
        reject(new Error('closed before welcome'));
        this.dropped(socket);
      });
      socket.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString('utf8')) as Frame;
        if (frame.type === 'welcome') {
          this.socket = socket;
          resolve(socket);
        } else if (frame.type === 'error' && frame.ref === undefined) {
          reject(new Error(`hello refused: ${JSON.stringify(frame)}`));
        } else this.received(frame);
      });
    });
  }

  private received(frame: Frame): void {
    const ref = typeof frame.ref === 'string' ? frame.ref : undefined;
    if (frame.type === 'message.accepted' && ref) this.pending.get(ref)?.({ kind: 'accepted' });
    else if (frame.type === 'message.ack') {
      const op = this.options.history.get(String(frame.clientMessageId));
      if (op) op.storedAt ??= performance.now();
      // Stored is accepted too: the hub's answer to an attempt that timed out here may arrive late.
      if (op && op.outcome !== 'ok') op.outcome = 'ok';
    } else if (frame.type === 'error' && ref) this.pending.get(ref)?.({ kind: 'error', frame });
    else if (frame.type === 'message.failed') {
      const op = this.options.history.get(String(frame.clientMessageId));
      if (op) op.givenUp = String(frame.code);
    }
  }

  /** The socket went away: its unanswered sends are unknown, and the next send reconnects. */
  private dropped(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    this.welcomed = undefined;
    for (const settle of [...this.pending.values()]) settle({ kind: 'dropped' });
  }
}
