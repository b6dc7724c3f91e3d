/** Where visitors connect, on connector-web's HTTP port. */
export const VISITOR_SOCKET_PATH = '/ws/visitor';

/** Close codes of the visitor socket (see the README, "Visitor socket protocol"). */
export const CloseCode = {
  /** The server is shutting down: reconnect (another replica will take it). */
  GoingAway: 1001,
  /** Something failed on our side while greeting: reconnect later. */
  InternalError: 1011,
  /** A dependency (database, conversation, NATS) is unavailable: reconnect with backoff. */
  TryAgainLater: 1013,
  /** No valid `hello` (missing, malformed, late, or a bad token): get a new session first. */
  Unauthorized: 4401,
} as const;
