import { WebSocket } from 'ws';
import { closeReason, SocketCloseCode } from './close-codes';

// A catch-up sends its next page only once the socket has drained below this.
const DRAINED_BYTES = 1 << 20;
const DRAIN_WAIT_MS = 30_000;
const DRAIN_POLL_MS = 20;

/**
 * What one socket may hold unsent. A client that does not read its socket is closed with 1008
 * instead of growing the server's memory; it resumes from its last seq when it reconnects.
 */
export class Backpressure {
  constructor(private readonly maxBufferedBytes: number) {}

  /** Sends `text` unless the socket is closed or too far behind (then closes it); true if sent. */
  send(socket: WebSocket, text: string): boolean {
    if (socket.readyState !== WebSocket.OPEN) return false;
    if (socket.bufferedAmount > this.maxBufferedBytes) {
      socket.close(SocketCloseCode.PolicyViolation, closeReason(SocketCloseCode.PolicyViolation));
      return false;
    }
    socket.send(text);
    return true;
  }

  /** Resolves once the socket has sent most of what it buffered; false if it never does (or closed). */
  async drained(socket: WebSocket): Promise<boolean> {
    const deadline = Date.now() + DRAIN_WAIT_MS;
    while (socket.readyState === WebSocket.OPEN && socket.bufferedAmount > DRAINED_BYTES) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    }
    return socket.readyState === WebSocket.OPEN;
  }
}
