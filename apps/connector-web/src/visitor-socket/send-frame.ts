import { WebSocket } from 'ws';
import type { ServerFrame } from './frames/server-frames';
import type { VisitorSocket } from './visitor-socket';

// A reader this far behind only grows our memory; dropping it is safe because it resumes
// from its last seq when it reconnects. Large enough for a welcome of 500 long messages.
const MAX_BUFFERED_BYTES = 32 << 20;
// Catch-up sends its next page of history only once the socket has drained below this.
const DRAINED_BYTES = 1 << 20;
const DRAIN_WAIT_MS = 30_000;

export function sendFrame(socket: VisitorSocket, frame: ServerFrame): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.terminate();
    return;
  }
  socket.send(JSON.stringify(frame));
}

/** Resolves once the socket has sent most of what it buffered; false if it never does (or closed). */
export async function drained(socket: VisitorSocket): Promise<boolean> {
  const deadline = Date.now() + DRAIN_WAIT_MS;
  while (socket.readyState === WebSocket.OPEN && socket.bufferedAmount > DRAINED_BYTES) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return socket.readyState === WebSocket.OPEN;
}
