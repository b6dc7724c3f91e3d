import { Backpressure } from '@hub/socket-kit';
import type { ServerFrame } from './frames/server-frames';
import type { VisitorSocket } from './visitor-socket';

// Large enough for a welcome of 500 long messages; a reader further behind is closed with 1008
// and resumes from its last seq when it reconnects.
const backpressure = new Backpressure(32 << 20);

export function sendFrame(socket: VisitorSocket, frame: ServerFrame): void {
  // Every message a visitor is shown passes here: its file gets a fresh link in this one place.
  const shown = socket.fileLinks
    ? socket.fileLinks.withAttachmentUrls(frame, socket.linkOrigin)
    : frame;
  backpressure.send(socket, JSON.stringify(shown));
}

/** Resolves once the socket has sent most of what it buffered; false if it never does (or closed). */
export function drained(socket: VisitorSocket): Promise<boolean> {
  return backpressure.drained(socket);
}
