import { closeReason, errorFrame, refusalCloseCode, type FrameRef } from '@hub/socket-kit';
import { sendFrame } from './send-frame';
import type { VisitorSocket } from './visitor-socket';

/** The error frame for anything thrown while handling a frame. */
export function sendError(socket: VisitorSocket, error: unknown, ref: FrameRef | undefined): void {
  sendFrame(socket, errorFrame(error, ref));
}

/** Sends the error frame, then closes with the code that tells the client what to do next. */
export function refuse(socket: VisitorSocket, error: unknown, ref: FrameRef | undefined): void {
  const code = refusalCloseCode(error);
  sendError(socket, error, ref);
  socket.close(code, closeReason(code));
}
