import { DomainException, errorBody } from '@hub/service-kit';
import { CloseCode } from './close-codes';
import type { FrameRef } from './frames/client-frames';
import { sendFrame } from './send-frame';
import type { VisitorSocket } from './visitor-socket';

/** The error frame for anything thrown while handling a frame. */
export function sendError(socket: VisitorSocket, error: unknown, ref: FrameRef | undefined): void {
  const body =
    error instanceof DomainException
      ? errorBody(error)
      : { status: 500, code: 'INTERNAL', message: 'Internal error' };
  sendFrame(socket, { type: 'error', ...(ref !== undefined ? { ref } : {}), ...body });
}

/** Sends the error frame, then closes with the code that tells the client what to do next. */
export function refuse(socket: VisitorSocket, error: unknown, ref: FrameRef | undefined): void {
  const code = closeCodeFor(error);
  sendError(socket, error, ref);
  socket.close(code, code === CloseCode.Unauthorized ? 'unauthorized' : 'try again later');
}

function closeCodeFor(error: unknown): number {
  if (!(error instanceof DomainException)) return CloseCode.InternalError;
  if (error.kind === 'unavailable') return CloseCode.TryAgainLater;
  if (error.kind === 'internal') return CloseCode.InternalError;
  // Bad token, no hello, a malformed hello: the client needs a (new) session.
  return CloseCode.Unauthorized;
}
