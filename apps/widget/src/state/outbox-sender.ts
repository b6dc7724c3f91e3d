import type { OutboxEntry } from './persisted-state';

/** A sent message with no ack after this long is sent again (same clientMessageId). */
const ACK_TIMEOUT_MS = 10_000;

/**
 * Puts the visitor's unstored messages on the socket: at once, again after every welcome, and
 * again when an ack is overdue. The clientMessageId makes every resend a no-op on the hub, so
 * sending once too often costs nothing and never duplicates a message.
 */
export class OutboxSender {
  private readonly sentAt = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly send: (frame: Record<string, unknown>) => boolean,
    private readonly outbox: () => readonly OutboxEntry[],
  ) {}

  start(): void {
    this.timer = setInterval(() => this.resendOverdue(), ACK_TIMEOUT_MS / 2);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  transmit(entry: OutboxEntry): void {
    const frame = {
      type: 'message.send',
      ref: entry.clientMessageId,
      clientMessageId: entry.clientMessageId,
      content: entry.content,
      ...(entry.fileId ? { fileId: entry.fileId } : {}),
      ...(entry.departmentId ? { departmentId: entry.departmentId } : {}),
    };
    if (this.send(frame)) this.sentAt.set(entry.clientMessageId, Date.now());
  }

  /** Everything not failed (after a welcome: a new socket knows nothing of earlier frames). */
  flush(): void {
    for (const entry of this.outbox()) if (entry.state !== 'failed') this.transmit(entry);
  }

  /** The hub asked to send it again later (rate limit, admission failure). */
  resendLater(clientMessageId: string, delayMs: number): void {
    setTimeout(() => {
      const entry = this.outbox().find((item) => item.clientMessageId === clientMessageId);
      if (entry && entry.state !== 'failed') this.transmit(entry);
    }, delayMs);
  }

  private resendOverdue(): void {
    const due = Date.now() - ACK_TIMEOUT_MS;
    for (const entry of this.outbox())
      if (entry.state !== 'failed' && (this.sentAt.get(entry.clientMessageId) ?? 0) < due)
        this.transmit(entry);
  }
}
