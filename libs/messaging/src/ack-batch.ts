import type { JsMsg } from '@nats-io/jetstream';

/**
 * A consumer's acks, written to the server together: each ack is held up to `delayMs`, then
 * every ack waiting goes out in one socket write. Written one by one, an ack cost each service a
 * write system call per message, a quarter of its CPU under load (on loopback the writer pays
 * for much of the server's wake-up), and nats-server a read.
 *
 * Plain acks, not confirmed ones (`ackAck`): confirming costs a request per message (its reply,
 * inbox and timer) and buys nothing. A durable redelivers only what was nakked or what its ack
 * wait (seconds) expired on, so an ack recorded a moment later is never handled again; an ack
 * lost with the process or the connection is redelivered, and handlers are idempotent.
 */
export class AckBatch {
  private waiting: JsMsg[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly delayMs: number,
    /** An ack that could not be written (the connection is closed): its message comes back. */
    private readonly onUnsent: (err: unknown) => void,
  ) {}

  add(msg: JsMsg): void {
    this.waiting.push(msg);
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  /** Writes every ack waiting now (a consumer's stop() does, before flushing its connection). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const acks = this.waiting;
    this.waiting = [];
    // Acked in one turn of the event loop, the client writes them all in one go. This runs on a
    // timer: a throw (the connection closed meanwhile) must not end the process. The message is
    // redelivered after its ack wait, and handlers are idempotent.
    for (const msg of acks) {
      try {
        msg.ack();
      } catch (err) {
        this.onUnsent(err);
      }
    }
  }
}
