import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { withCorrelationId } from '@hub/observability';
import { DomainException, SERVICE_ENV } from '@hub/service-kit';
import {
  decodeFrame,
  HeartbeatSweep,
  MAX_FRAME_BYTES,
  refField,
  refusalCloseCode,
  SocketCloseCode,
  toErrorBody,
  validateFrame,
  type FrameEnvelope,
  type FrameRef,
} from '@hub/socket-kit';
import { FileLinks } from '@hub/storage';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { authErrors } from '../auth/auth.exception';
import { TokenService } from '../auth/token.service';
import type { GatewayEnv } from '../gateway.env';
import { RevokedSessions } from '../sessions/revoked-sessions';
import { AgentCommands } from './agent-commands';
import { AgentConnection } from './agent-connection';
import { AuthFrame, CLIENT_FRAME_TYPES, type ClientFrameType } from './frames';
import { RealtimeFanout } from './realtime-fanout';
import { RoutingPresence } from './routing-presence';

type Envelope = FrameEnvelope<ClientFrameType>;

export const AGENT_SOCKET_PATH = '/ws/agent';
export const HEARTBEAT_INTERVAL_MS = 5_000;
const SWEEP_INTERVAL_MS = 1_000;

/**
 * The agents' WebSocket at `/ws/agent` on the gateway's HTTP port (plain `ws`, JSON frames; see
 * docs/agent-socket.md). The kit's one sweep per process checks auth deadlines and token
 * expiry, pings each socket, and sends the heartbeat that tells routing which sockets we hold.
 */
@Injectable()
export class AgentSocketServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AgentSocketServer.name);
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly connections = new Set<AgentConnection>();
  private readonly sweep = new HeartbeatSweep({
    sockets: this.connections,
    intervalMs: HEARTBEAT_INTERVAL_MS,
    tickMs: SWEEP_INTERVAL_MS,
    onTick: (now) => this.checkDeadlines(now),
    onPing: (connection, now) => connection.forgetOldUpdates(now),
  });
  private lastBeatAt = 0;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
    private readonly tokens: TokenService,
    private readonly presence: RoutingPresence,
    private readonly fanout: RealtimeFanout,
    private readonly commands: AgentCommands,
    private readonly revoked: RevokedSessions,
    private readonly fileLinks: FileLinks,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.upgrade(request, socket, head),
    );
    this.sweep.start();
    this.revoked.onRevoked((sessionIds) => this.closeRevoked(sessionIds));
    this.logger.log(
      { gatewayId: this.presence.gatewayId, path: AGENT_SOCKET_PATH },
      'agent socket listening',
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.sweep.stop();
    const open = [...this.connections];
    for (const connection of open) connection.close(SocketCloseCode.GoingAway);
    await Promise.allSettled(open.map((connection) => this.release(connection)));
    this.wss.close();
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (path !== AGENT_SOCKET_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  private accept(ws: WebSocket, request: IncomingMessage): void {
    const connection = new AgentConnection(ws, {
      fileLinks: this.fileLinks,
      origin: this.fileLinks.originFor({ host: request.headers.host }),
    });
    this.connections.add(connection);
    ws.on('message', (data: RawData, isBinary: boolean) =>
      this.receive(connection, data, isBinary),
    );
    ws.on('pong', () => (connection.alive = true));
    ws.on('error', (error) =>
      this.logger.debug({ err: error, connectionId: connection.id }, 'agent socket error'),
    );
    ws.on('close', () => void this.release(connection));
  }

  private receive(connection: AgentConnection, data: RawData, isBinary: boolean): void {
    connection.alive = true;
    const { envelope, refusal } = decodeFrame(data, isBinary, CLIENT_FRAME_TYPES);
    if (refusal) {
      connection.sendError(refusal.error, refusal.ref);
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
      connection.send({ type: 'pong', ...refField(envelope.ref) });
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
      connection.close(SocketCloseCode.PolicyViolation);
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
        payload: envelope.body,
        hasRef: envelope.ref !== undefined,
      });
      if (reply) connection.send({ ...reply, ...refField(envelope.ref) });
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
      const frame = validateFrame(AuthFrame, envelope.body);
      const agent = (connection.agent = this.tokens.verify(frame.token));
      if (this.revoked.isRevoked(agent.sessionId)) throw authErrors.sessionRevoked();
      const view = await this.presence.announce(connection, agent, true);
      connection.announced = true;
      if (view.workspaceId !== agent.workspaceId) throw authErrors.tokenInvalid();
      // Set first: a partial attach (NATS went away half-way) is still undone by cleanUp.
      connection.attached = true;
      await this.fanout.attach(connection, agent);
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
        ...refField(envelope.ref),
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

  /** Sends the error and closes: 4401 for auth failures, 1013 when a service is away, 1011 on a bug. */
  private refuse(connection: AgentConnection, error: unknown, ref?: FrameRef): void {
    if (!connection.isOpen) return;
    connection.sendError(error, ref);
    this.logger.log(
      {
        connectionId: connection.id,
        agentId: connection.agent?.agentId,
        code: toErrorBody(error).code,
      },
      'agent socket refused',
    );
    connection.close(refusalCloseCode(error));
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

  /** Logout, refresh-token reuse or an admin's change ended these sessions: close their sockets. */
  private closeRevoked(sessionIds: ReadonlySet<string>): void {
    for (const connection of this.connections) {
      if (connection.agent && sessionIds.has(connection.agent.sessionId))
        this.refuse(connection, authErrors.sessionRevoked());
    }
  }

  private checkDeadlines(now: number): void {
    for (const connection of this.connections) {
      if (
        connection.state === 'awaiting-auth' &&
        now - connection.openedAt > this.env.AGENT_SOCKET_AUTH_TIMEOUT_MS
      ) {
        this.refuse(connection, authErrors.tokenMissing('No auth frame in time'));
      } else if (connection.agent && connection.agent.expiresAt <= now) {
        this.refuse(connection, authErrors.tokenExpired());
      }
    }
    if (now - this.lastBeatAt >= HEARTBEAT_INTERVAL_MS) {
      this.lastBeatAt = now;
      void this.presence.heartbeat(this.connections);
    }
  }
}
