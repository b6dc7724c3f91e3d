import type { NatsConnection, Status } from '@nats-io/transport-node';

/**
 * Follows one connection's disconnects and reconnects, so a consumer waits for the reconnect
 * instead of sending JetStream requests that can only time out.
 */
export class ConnectionWatch {
  private connected = true;
  private waiters: (() => void)[] = [];
  private readonly statuses: AsyncIterable<Status> & { stop?: () => void };

  constructor(private readonly nc: NatsConnection) {
    this.statuses = nc.status();
    void this.follow();
  }

  get isConnected(): boolean {
    return this.connected && !this.nc.isClosed();
  }

  /** Resolves at the next reconnect (at once when connected or closed). */
  untilConnected(): Promise<void> {
    if (this.connected || this.nc.isClosed()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    // The client's status iterator is a QueuedIterator: stop() ends our for-await.
    this.statuses.stop?.();
    this.release();
  }

  private async follow(): Promise<void> {
    for await (const status of this.statuses) {
      if (status.type === 'disconnect') this.connected = false;
      if (status.type === 'reconnect' || status.type === 'close') {
        this.connected = status.type === 'reconnect';
        this.release();
      }
    }
  }

  private release(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
