import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type GetInboxRequest, type InboxView } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { Database, DomainException, RpcClient } from '@hub/service-kit';
import type { Repository } from 'typeorm';
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
 * Mints and checks visitor credentials. A token is bound to one workspace, inbox and visitor;
 * only its SHA-256 is stored.
 */
@Injectable()
export class VisitorSessionsService {
  private readonly logger = new Logger(VisitorSessionsService.name);

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
  ) {}

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

  /** The visitor a token belongs to; INVALID_VISITOR_TOKEN when it is unknown. */
  async authenticate(token: string): Promise<VisitorIdentity> {
    const session = await this.sessions().findOneBy({ tokenHash: hashVisitorToken(token) });
    if (!session) throw VisitorSessionError.invalidToken();
    this.touch(session.id);
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
    const session = await this.sessions().findOneBy({ tokenHash: hashVisitorToken(token) });
    if (!session || session.visitorId !== visitorId || session.inboxId !== inbox.id) return null;
    this.touch(session.id);
    // The same token stays valid: the widget keeps what it has, one row per visitor device.
    return { visitorId, token, workspaceId: session.workspaceId, inboxId: session.inboxId };
  }

  private async webInbox(inboxId: string): Promise<InboxView> {
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
