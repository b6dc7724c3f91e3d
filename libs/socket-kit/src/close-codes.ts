import { DomainException } from '@hub/service-kit';

/**
 * The close codes both sockets use (agent and visitor), and what the client should do on each.
 * 1009 (a frame over the size limit) is sent by `ws` itself.
 */
export const SocketCloseCode = {
  /** The server is shutting down: reconnect at once (another replica answers) and resume. */
  GoingAway: 1001,
  /** Too many frames waiting, or the client does not read what it is sent: fix the client. */
  PolicyViolation: 1008,
  /** A frame over the size limit (sent by `ws`): do not send it again. */
  MessageTooBig: 1009,
  /** Something failed on our side while opening the socket: reconnect with backoff. */
  InternalError: 1011,
  /** A service needed to open the socket is unavailable: reconnect with backoff. */
  TryAgainLater: 1013,
  /** No, a bad, a late or an expired credential: get a new one, then reconnect. */
  Unauthorized: 4401,
} as const;
export type SocketCloseCode = (typeof SocketCloseCode)[keyof typeof SocketCloseCode];

/** How a socket is closed when opening it failed with `error` (after its error frame). */
export function refusalCloseCode(error: unknown): SocketCloseCode {
  if (!(error instanceof DomainException) || error.kind === 'internal') {
    return SocketCloseCode.InternalError;
  }
  if (error.kind === 'unavailable') return SocketCloseCode.TryAgainLater;
  // Bad or missing credentials, a malformed first frame: the client needs a new one.
  return SocketCloseCode.Unauthorized;
}

/** The close reason sent with `code` (short: a close frame's reason is at most 123 bytes). */
export function closeReason(code: SocketCloseCode): string {
  switch (code) {
    case SocketCloseCode.GoingAway:
      return 'server shutting down';
    case SocketCloseCode.PolicyViolation:
      return 'policy violation';
    case SocketCloseCode.MessageTooBig:
      return 'frame too big';
    case SocketCloseCode.InternalError:
      return 'internal error';
    case SocketCloseCode.TryAgainLater:
      return 'try again later';
    case SocketCloseCode.Unauthorized:
      return 'unauthorized';
  }
}
