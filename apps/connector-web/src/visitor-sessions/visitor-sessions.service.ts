import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  realtimeSubjects,
  SUBJECTS,
  type GetInboxRequest,
  type InboxView,
  type RevokeVisitorSessionsReply,
  type RevokeVisitorSessionsRequest,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { Database, DomainException, Realtime, RpcClient, SERVICE_ENV } from '@hub/service-kit';
import { IsNull, type Repository } from 'typeorm';
import type { ConnectorWebEnv } from '../connector-web.env';
import type { CreateVisitorSessionDto, VisitorSessionView } from './dto/create-visitor-session.dto';
import { VisitorSessionError } from './visitor-session.exception';
import { VisitorSession } from './visitor-session.entity';
import { hashVisitorToken, mintVisitorToken } from './visitor-token';

/** Who a valid visitor token belongs to. */
export interface VisitorIdentity {
  visitorId: string;
  workspaceId: string;
  inboxId: string;
}

/**
 * Mints, checks and revokes visitor credentials. A token is bound to one workspace, inbox and
 * visitor; only its SHA-256 is stored. It is refused once revoked or idle for
 * VISITOR_TOKEN_IDLE_SECONDS.
 */
@Injectable()
export class VisitorSessionsService {
  private readonly logger = new Logger(VisitorSessionsService.name);
  private readonly idleMs: number;
  private readonly touchEveryMs: number;

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
    private readonly realtime: Realtime,
    @Inject(SERVICE_ENV) env: ConnectorWebEnv,
  ) {
    this.idleMs = env.VISITOR_TOKEN_IDLE_SECONDS * 1000;
    // Well under the idle period, or a visitor active all along could still expire.
    this.touchEveryMs = Math.min(env.VISITOR_SEEN_UPDATE_SECONDS * 1000, this.idleMs / 10);
  }

  async create(dto: CreateVisitorSessionDto): Promise<VisitorSessionView> {
    const inbox = await this.webInbox(dto.inboxId);
    const returning =
      dto.visitorId && dto.token ? await this.returning(inbox, dto.visitorId, dto.token) : null;
    if (returning) return returning;
    // No credentials, or ones that do not prove this visitor on this inbox: a new visitor.
    const visitorId = randomUUID();
    const token = mintVisitorToken();
    await this.sessions().insert({
      workspaceId: inbox.workspaceId,
      inboxId: inbox.id,
      visitorId,
      tokenHash: hashVisitorToken(token),
    });
    this.logger.log(
      { visitorId, inboxId: inbox.id, workspaceId: inbox.workspaceId },
      'visitor session minted',
    );
    return { visitorId, token, workspaceId: inbox.workspaceId, inboxId: inbox.id };
  }

  /** The visitor a token belongs to; INVALID_VISITOR_TOKEN when unknown, revoked or idle too long. */
  async authenticate(token: string): Promise<VisitorIdentity> {
    const session = await this.liveSession(token);
    if (!session) throw VisitorSessionError.invalidToken();
    return {
      visitorId: session.visitorId,
      workspaceId: session.workspaceId,
      inboxId: session.inboxId,
    };
  }

  private async returning(
    inbox: InboxView,
    visitorId: string,
    token: string,
  ): Promise<VisitorSessionView | null> {
    const session = await this.liveSession(token);
    if (!session || session.visitorId !== visitorId || session.inboxId !== inbox.id) return null;
    // The same token stays valid: the widget keeps what it has, one row per visitor device.
    return { visitorId, token, workspaceId: session.workspaceId, inboxId: session.inboxId };
  }

  /** The web inbox `inboxId`; INBOX_NOT_FOUND for an unknown inbox or one of another channel. */
  async webInbox(inboxId: string): Promise<InboxView> {
    try {
      const inbox = await this.rpc.request(SUBJECTS.conversation.getInbox, {
        inboxId,
      } satisfies GetInboxRequest);
      if (inbox.channel !== Channel.Web) throw VisitorSessionError.inboxNotFound(inboxId);
      return inbox;
    } catch (error) {
      if (error instanceof DomainException && error.code === 'INBOX_NOT_FOUND') {
        throw VisitorSessionError.inboxNotFound(inboxId);
      }
      throw error;
    }
  }

  /**
   * Ends every live session of the visitor, then tells the replicas holding the visitor's
   * sockets (rt.visitor.<id>) to close them.
   */
  async revoke({
    workspaceId,
    visitorId,
  }: RevokeVisitorSessionsRequest): Promise<RevokeVisitorSessionsReply> {
    const { affected } = await this.sessions().update(
      { workspaceId, visitorId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    // Only a revocation that ended something closes sockets: an agent of another workspace who
    // knows a visitor id must not be able to disconnect that visitor.
    if (affected) {
      await this.realtime.publish(realtimeSubjects.visitor(visitorId), {
        type: 'session.revoked',
        visitorId,
      });
    }
    this.logger.log({ workspaceId, visitorId, revoked: affected }, 'visitor sessions revoked');
    return { revoked: affected ?? 0 };
  }

  /** The session of `token` unless revoked or idle too long; marks it seen. */
  private async liveSession(token: string): Promise<VisitorSession | null> {
    const session = await this.sessions().findOneBy({ tokenHash: hashVisitorToken(token) });
    if (!session || session.revokedAt) return null;
    const idleFor = Date.now() - session.lastSeenAt.getTime();
    if (idleFor > this.idleMs) return null;
    if (idleFor > this.touchEveryMs) this.touch(session.id);
    return session;
  }

  // last_seen_at is bookkeeping: a failed update must not refuse the visitor.
  private touch(sessionId: string): void {
    this.sessions()
      .update({ id: sessionId }, { lastSeenAt: () => 'now()' })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, sessionId }, 'last_seen_at not updated'),
      );
  }

  private sessions(): Repository<VisitorSession> {
    if (!this.database.dataSource.isInitialized) throw VisitorSessionError.databaseUnavailable();
    return this.database.dataSource.getRepository(VisitorSession);
  }
}
