import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainException, SERVICE_ENV } from '@hub/service-kit';
import { closeReason, HeartbeatSweep, MAX_FRAME_BYTES, SocketCloseCode } from '@hub/socket-kit';
import { FileLinks } from '@hub/storage';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ConnectorWebEnv } from '../connector-web.env';
import { refuse } from './socket-errors';
import { VisitorActivity } from './visitor-activity';
import { VisitorReceipts } from './visitor-receipts';
import { VisitorFrameRouter } from './visitor-frame-router';
import { VisitorRealtime } from './visitor-realtime';
import { VisitorSocket } from './visitor-socket';

/** Where visitors connect, on connector-web's HTTP port. */
export const VISITOR_SOCKET_PATH = '/ws/visitor';
// A pending send not settled by then is dropped; the client resends it after its own timeout.
const PENDING_SEND_TTL_MS = 120_000;
const CLOSE_GRACE_MS = 1_000;

/**
 * Listeners shared by every socket: no closures per connection. ws calls them with the socket
 * as `this`, which the server created as a VisitorSocket.
 */
function socketListeners(server: VisitorSocketServer) {
  return {
    message: function (this: WebSocket, data: RawData, isBinary: boolean): void {
      (this as VisitorSocket).alive = true;
      server.router.handle(this as VisitorSocket, data, isBinary);
    },
    pong: function (this: WebSocket): void {
      (this as VisitorSocket).alive = true;
    },
    close: function (this: WebSocket): void {
      server.forget(this as VisitorSocket);
    },
    error: function (this: WebSocket, error: Error): void {
      server.socketFailed(this as VisitorSocket, error);
    },
  } as const;
}

/**
 * The visitor WebSocket at `/ws/visitor` on connector-web's HTTP port: plain `ws` sharing the
 * Nest HTTP server, the kit's one sweep per process for hello timeouts and heartbeats.
 */
@Injectable()
export class VisitorSocketServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(VisitorSocketServer.name);
  private readonly wss = new WebSocketServer<typeof VisitorSocket>({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: MAX_FRAME_BYTES,
    WebSocket: VisitorSocket,
  });
  private readonly listeners = socketListeners(this);
  private readonly sockets = new Set<VisitorSocket>();
  private readonly awaitingHello = new Set<VisitorSocket>();
  private httpServer?: Server;
  private sweep?: HeartbeatSweep<VisitorSocket>;
  private stopping = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SERVICE_ENV) private readonly env: ConnectorWebEnv,
    readonly router: VisitorFrameRouter,
    private readonly realtime: VisitorRealtime,
    private readonly activity: VisitorActivity,
    private readonly receipts: VisitorReceipts,
    private readonly fileLinks: FileLinks,
  ) {}

  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
    this.sweep = new HeartbeatSweep({
      sockets: this.sockets,
      intervalMs: this.env.VISITOR_SOCKET_HEARTBEAT_MS,
      tickMs: Math.min(1_000, Math.ceil(this.env.VISITOR_SOCKET_HELLO_TIMEOUT_MS / 2)),
      onTick: (now) => this.checkHelloDeadlines(now),
      onPing: (socket, now) => forgetStalePendingSends(socket, now),
    });
    this.sweep.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.sweep?.stop();
    this.httpServer?.off('upgrade', this.onUpgrade);
    const goingAway = SocketCloseCode.GoingAway;
    for (const socket of this.sockets) socket.close(goingAway, closeReason(goingAway));
    const deadline = Date.now() + CLOSE_GRACE_MS;
    while (this.sockets.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
  }

  /** The visitors with a greeted socket here: still present, whatever their page views say. */
  visitorIds(): string[] {
    const ids = new Set<string>();
    for (const socket of this.sockets) if (socket.visitor) ids.add(socket.visitor.visitorId);
    return [...ids];
  }

  /** Socket closed: forget it everywhere. */
  forget(socket: VisitorSocket): void {
    this.sockets.delete(socket);
    this.awaitingHello.delete(socket);
    this.realtime.detach(socket);
    this.activity.stop(socket);
    this.receipts.stop(socket);
    socket.pending = null;
    socket.held = null;
  }

  socketFailed(socket: VisitorSocket, error: Error): void {
    // ws closes the socket itself after an error (bad frame, payload too big); 'close' follows.
    this.logger.debug({ err: error, visitorId: socket.visitor?.visitorId }, 'visitor socket error');
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (request.url ?? '').split('?', 1)[0];
    if (path !== VISITOR_SOCKET_PATH) return rejectUpgrade(socket, 404, 'Not Found');
    if (this.stopping) return rejectUpgrade(socket, 503, 'Service Unavailable');
    this.wss.handleUpgrade(request, socket, head, this.onConnection);
  };

  private readonly onConnection = (socket: VisitorSocket, request: IncomingMessage): void => {
    socket.openedAt = Date.now();
    socket.fileLinks = this.fileLinks;
    socket.linkOrigin = this.fileLinks.originFor({ host: request.headers.host });
    this.sockets.add(socket);
    this.awaitingHello.add(socket);
    // The shared listeners are meant to be called with the socket as `this`, which ws does.
    /* eslint-disable @typescript-eslint/unbound-method */
    socket.on('message', this.listeners.message);
    socket.on('pong', this.listeners.pong);
    socket.on('close', this.listeners.close);
    socket.on('error', this.listeners.error);
    /* eslint-enable @typescript-eslint/unbound-method */
  };

  private checkHelloDeadlines(now: number): void {
    for (const socket of this.awaitingHello) {
      if (socket.phase !== 'hello') {
        this.awaitingHello.delete(socket);
      } else if (now - socket.openedAt >= this.env.VISITOR_SOCKET_HELLO_TIMEOUT_MS) {
        this.awaitingHello.delete(socket);
        refuse(socket, new DomainException('HELLO_TIMEOUT', 'No hello frame in time'), undefined);
      }
    }
  }
}

function forgetStalePendingSends(socket: VisitorSocket, now: number): void {
  if (!socket.pending) return;
  for (const [clientMessageId, pending] of socket.pending) {
    if (now - pending.since > PENDING_SEND_TTL_MS) socket.pending.delete(clientMessageId);
  }
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
