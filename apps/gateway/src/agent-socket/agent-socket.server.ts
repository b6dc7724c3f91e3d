import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { withCorrelationId } from '@hub/observability';
import { DomainException, SERVICE_ENV } from '@hub/service-kit';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { authErrors } from '../auth/auth.exception';
import { TokenService } from '../auth/token.service';
import type { GatewayEnv } from '../gateway.env';
import { AgentCommands } from './agent-commands';
import { AgentConnection, CloseCode, toErrorBody } from './agent-connection';
import { EnvelopeError, readEnvelope, type Envelope } from './envelope';
import { AuthFrame, validateFrame } from './frames';
import { RealtimeFanout } from './realtime-fanout';
import { RoutingPresence } from './routing-presence';

export const AGENT_SOCKET_PATH = '/ws/agent';
export const HEARTBEAT_INTERVAL_MS = 5_000;
// A socket that answered neither a ping nor sent anything for this long is dead.
const DEAD_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS;
const SWEEP_INTERVAL_MS = 1_000;
const MAX_FRAME_BYTES = 256 * 1024;

/**
 * The agents' WebSocket at `/ws/agent` on the gateway's HTTP port (plain `ws`, JSON frames; see
 * the README, "Agent socket protocol"). One timer per process sweeps every socket: auth deadlines,
 * token expiry, liveness pings, and the heartbeat that tells routing which sockets we hold.
 */
@Injectable()
export class AgentSocketServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AgentSocketServer.name);
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly connections = new Set<AgentConnection>();
  private sweepTimer?: NodeJS.Timeout;
  private lastBeatAt = 0;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
    private readonly tokens: TokenService,
    private readonly presence: RoutingPresence,
    private readonly fanout: RealtimeFanout,
    private readonly commands: AgentCommands,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.upgrade(request, socket, head),
    );
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    this.logger.log(
      { gatewayId: this.presence.gatewayId, path: AGENT_SOCKET_PATH },
      'agent socket listening',
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweepTimer);
    const open = [...this.connections];
    for (const connection of open) connection.close(CloseCode.GoingAway, 'server shutting down');
    await Promise.allSettled(open.map((connection) => this.release(connection)));
    this.wss.close();
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (path !== AGENT_SOCKET_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    const connection = new AgentConnection(ws);
    this.connections.add(connection);
    ws.on('message', (data: RawData, isBinary: boolean) =>
      this.receive(connection, data, isBinary),
    );
    ws.on('pong', () => (connection.lastSeenAt = Date.now()));
    ws.on('error', (error) =>
      this.logger.debug({ err: error, connectionId: connection.id }, 'agent socket error'),
    );
    ws.on('close', () => void this.release(connection));
  }

  private receive(connection: AgentConnection, data: RawData, isBinary: boolean): void {
    connection.lastSeenAt = Date.now();
    let envelope: Envelope;
    try {
      envelope = readEnvelope(data, isBinary);
    } catch (error) {
      if (error instanceof EnvelopeError) connection.sendError(error.error, error.ref);
      else connection.sendError(error);
      return;
    }
    if (connection.state === 'awaiting-auth' && envelope.type !== 'auth') {
      this.refuse(
        connection,
        authErrors.tokenMissing('The first frame must be { "type": "auth", "token": "..." }'),
        envelope.ref,
      );
      return;
    }
    if (envelope.type === 'ping') {
      // Answered at once, not behind slower frames: it measures the connection.
      connection.send({ type: 'pong', ...refOf(envelope) });
      return;
    }
    const accepted = connection.enqueue(() =>
      withCorrelationId(undefined, () => this.handle(connection, envelope)),
    );
    if (!accepted) {
      connection.sendError(
        new DomainException('SOCKET_OVERLOADED', 'Too many frames waiting; slow down'),
        envelope.ref,
      );
      connection.close(CloseCode.PolicyViolation, 'too many frames waiting');
    }
  }

  private async handle(connection: AgentConnection, envelope: Envelope): Promise<void> {
    if (connection.isClosed()) return;
    if (envelope.type === 'auth') {
      await this.authenticate(connection, envelope);
      return;
    }
    const agent = connection.agent;
    if (!agent || !this.commands.isCommand(envelope.type)) return;
    try {
      const reply = await this.commands.run(envelope.type, {
        connection,
        agent,
        payload: envelope.payload,
        hasRef: envelope.ref !== undefined,
      });
      if (reply) connection.send({ ...reply, ...refOf(envelope) });
    } catch (error) {
      if (!(error instanceof DomainException)) {
        this.logger.error(
          { err: error, connectionId: connection.id, frame: envelope.type },
          'agent socket frame failed',
        );
      }
      connection.sendError(error, envelope.ref);
    }
  }

  private async authenticate(connection: AgentConnection, envelope: Envelope): Promise<void> {
    if (connection.state !== 'awaiting-auth') {
      connection.sendError(
        new DomainException('SOCKET_ALREADY_AUTHENTICATED', 'This socket is already authenticated'),
        envelope.ref,
      );
      return;
    }
    connection.state = 'authenticating';
    try {
      const frame = await validateFrame(AuthFrame, envelope.payload);
      const agent = (connection.agent = this.tokens.verify(frame.token));
      const view = await this.presence.announce(connection, agent, true);
      connection.announced = true;
      if (view.workspaceId !== agent.workspaceId) throw authErrors.tokenInvalid();
      await this.fanout.attach(connection, agent);
      connection.attached = true;
      await this.fanout
        .watchAssigned(agent)
        .catch((error: unknown) =>
          this.logger.warn(
            { err: error, agentId: agent.agentId },
            'could not list the agent’s conversations; typing and drafts follow new assignments only',
          ),
        );
      // The socket closed while we were busy: release() left the cleanup to us.
      if (connection.isClosed()) {
        await this.cleanUp(connection);
        return;
      }
      this.logger.log(
        { agentId: agent.agentId, workspaceId: agent.workspaceId, connectionId: connection.id },
        'agent socket ready',
      );
      connection.markReady({
        type: 'ready',
        ...refOf(envelope),
        agent: view,
        connectionId: connection.id,
        heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
      });
    } catch (error) {
      this.refuse(connection, error, envelope.ref);
      this.forget(connection);
      await this.cleanUp(connection);
    }
  }

  /** Sends the error and closes: 4401 for authentication failures, 1013 when a service is away. */
  private refuse(connection: AgentConnection, error: unknown, ref?: Envelope['ref']): void {
    if (!connection.isOpen) return;
    connection.sendError(error, ref);
    const retryable = error instanceof DomainException && error.kind === 'unavailable';
    this.logger.log(
      {
        connectionId: connection.id,
        agentId: connection.agent?.agentId,
        code: toErrorBody(error).code,
      },
      'agent socket refused',
    );
    connection.close(
      retryable ? CloseCode.TryAgainLater : CloseCode.Unauthorized,
      retryable ? 'try again later' : 'unauthorized',
    );
  }

  /** The socket closed. While it authenticates, authenticate() cleans up once its awaits return. */
  private async release(connection: AgentConnection): Promise<void> {
    if (connection.isClosed()) return;
    const authenticating = connection.state === 'authenticating';
    this.forget(connection);
    if (!authenticating) await this.cleanUp(connection);
  }

  private forget(connection: AgentConnection): void {
    connection.state = 'closed';
    this.connections.delete(connection);
  }

  /** Stops forwarding to the socket and tells routing it is gone (each at most once). */
  private async cleanUp(connection: AgentConnection): Promise<void> {
    const agent = connection.agent;
    if (!agent) return;
    if (connection.attached) {
      connection.attached = false;
      this.fanout.detach(connection, agent);
    }
    if (!connection.announced) return;
    connection.announced = false;
    try {
      await this.presence.announce(connection, agent, false);
      this.logger.log(
        { agentId: agent.agentId, connectionId: connection.id },
        'agent socket closed',
      );
    } catch (error) {
      // Routing drops it anyway once our heartbeats stop listing it.
      this.logger.warn(
        { err: error, agentId: agent.agentId, connectionId: connection.id },
        'could not tell routing a socket closed',
      );
    }
  }

  private sweep(): void {
    const now = Date.now();
    const beat = now - this.lastBeatAt >= HEARTBEAT_INTERVAL_MS;
    for (const connection of this.connections) {
      if (
        connection.state === 'awaiting-auth' &&
        now - connection.openedAt > this.env.AGENT_SOCKET_AUTH_TIMEOUT_MS
      ) {
        this.refuse(connection, authErrors.tokenMissing('No auth frame in time'));
      } else if (connection.agent && connection.agent.expiresAt <= now) {
        this.refuse(connection, authErrors.tokenExpired());
      } else if (beat) {
        if (now - connection.lastSeenAt > DEAD_AFTER_MS) connection.terminate();
        else connection.ping();
        connection.forgetOldUpdates(now);
      }
    }
    if (beat) {
      this.lastBeatAt = now;
      void this.presence.heartbeat(this.connections);
    }
  }
}

function refOf(envelope: Pick<Envelope, 'ref'>): { ref?: Envelope['ref'] } {
  return envelope.ref !== undefined ? { ref: envelope.ref } : {};
}
