import type { Logger } from '@hub/observability';
import type { ConnectionOptions, NatsConnection, Status } from '@nats-io/transport-node';
import { connect } from '@nats-io/transport-node';

/** Where the connection stands: `connecting` until the first connect, `reconnecting` after a loss. */
export type NatsConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** Options of {@link connectNats}. */
export interface ConnectNatsOptions {
  /** One URL or several, comma-separated (`NATS_URL`). */
  url: string;
  /** Client name shown by the server's monitoring (use the service name). */
  name: string;
  logger: Logger;
  /** Called on every status change, from the first `connecting` on: feed readiness from it. */
  onStatusChange?: (status: NatsConnectionStatus) => void;
  /** How often to log that the first connect is still pending (default 10 s). */
  waitingLogIntervalMs?: number;
  /** Who connects: credential, reply inbox prefix, TLS (see `natsIdentity`). */
  identity?: Pick<ConnectionOptions, 'authenticator' | 'inboxPrefix' | 'tls'>;
}

// Kept beside each connection by connectNats, so readiness can ask without holding a wrapper.
const statuses = new WeakMap<NatsConnection, NatsConnectionStatus>();

/** Status of a connection made by {@link connectNats} (`closed` once closed). */
export function natsConnectionStatus(nc: NatsConnection): NatsConnectionStatus {
  if (nc.isClosed()) return 'closed';
  return statuses.get(nc) ?? 'connected';
}

/** For readiness: true while connected, false while reconnecting or once closed. */
export function isNatsConnected(nc: NatsConnection): boolean {
  return natsConnectionStatus(nc) === 'connected';
}

/**
 * Connects to NATS and never gives up: the first connect is retried until a server answers
 * (`waitOnFirstConnect`), and a lost connection is retried forever.
 *
 * The promise resolves only once connected, so do not await it before the HTTP server listens,
 * or liveness probes fail while NATS is away. Start like this:
 * ```ts
 * let natsStatus: NatsConnectionStatus = 'connecting';
 * const natsReady = connectNats({ url, name, logger, onStatusChange: (s) => (natsStatus = s) });
 * await app.listen(port);     // /health/ready: natsStatus === 'connected' (or isNatsConnected(nc))
 * const nc = await natsReady; // whenever NATS first becomes reachable
 * await ensureStreams(nc, { namespace, replicas });
 * await consumer.start();
 * ```
 * Close with `nc.drain()`: it flushes pending publishes and acks first.
 */
export async function connectNats(options: ConnectNatsOptions): Promise<NatsConnection> {
  const { logger, onStatusChange } = options;
  let status: NatsConnectionStatus = 'connecting';
  let connection: NatsConnection | undefined;
  const setStatus = (next: NatsConnectionStatus): void => {
    if (connection) statuses.set(connection, next);
    if (next === status) return;
    status = next;
    onStatusChange?.(next);
  };
  onStatusChange?.(status);

  const servers = options.url.split(',').map((url) => url.trim());
  // The client reports nothing before the first connect, so say so ourselves now and then.
  const startedAt = Date.now();
  const waiting = setInterval(
    () => logger.warn({ servers, waitedMs: Date.now() - startedAt }, 'still waiting for NATS'),
    options.waitingLogIntervalMs ?? 10_000,
  );
  waiting.unref();

  try {
    connection = await connect({
      ...options.identity,
      servers,
      name: options.name,
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      // Up to 2 s between attempts, spread so that replicas do not all reconnect at once.
      reconnectTimeWait: 1_000,
      reconnectJitter: 1_000,
      // Notice a silently dead server (no TCP reset) within about a minute, not the 4 min default.
      pingInterval: 20_000,
      maxPingOut: 3,
      // Otherwise every request (each JetStream publish and ack, each RPC) builds an Error up
      // front for its stack, in case it fails: a few % of each service's CPU in the profiles.
      // A failed request still names its subject; its log line carries the correlation id.
      noAsyncTraces: true,
    });
  } finally {
    clearInterval(waiting);
  }

  setStatus('connected');
  logger.info({ server: connection.getServer() }, 'connected to NATS');
  void watchStatus(connection, logger, setStatus);
  return connection;
}

async function watchStatus(
  connection: NatsConnection,
  logger: Logger,
  setStatus: (status: NatsConnectionStatus) => void,
): Promise<void> {
  void connection.closed().then((err) => {
    setStatus('closed');
    if (err) logger.error({ err }, 'NATS connection closed on error');
    else logger.info('NATS connection closed');
  });
  for await (const event of connection.status()) logStatus(event, logger, setStatus);
}

function logStatus(
  event: Status,
  logger: Logger,
  setStatus: (status: NatsConnectionStatus) => void,
): void {
  switch (event.type) {
    case 'disconnect':
      setStatus('reconnecting');
      logger.warn({ server: event.server }, 'disconnected from NATS; reconnecting');
      return;
    case 'reconnect':
      setStatus('connected');
      logger.info({ server: event.server }, 'reconnected to NATS');
      return;
    case 'ldm':
      logger.warn({ server: event.server }, 'NATS server entering lame duck mode (shutting down)');
      return;
    case 'staleConnection':
      logger.warn('NATS connection stale (pings unanswered); reconnecting');
      return;
    case 'error':
      logger.error({ err: event.error }, 'NATS reported an error');
      return;
    case 'slowConsumer':
      logger.warn(
        { subject: event.sub.getSubject(), pending: event.pending },
        'NATS slow consumer',
      );
      return;
    case 'close':
      setStatus('closed');
      return;
    case 'reconnecting':
    case 'ping':
    case 'update':
    case 'forceReconnect':
      // Every reconnect attempt, pings, cluster gossip: noise at info level.
      logger.debug({ natsStatus: event.type }, 'NATS status');
  }
}
