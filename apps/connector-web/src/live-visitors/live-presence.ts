import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Database, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';
import { LiveVisitorEvents } from './live-visitor-events';
import { updateReturning } from './sql-values';

/**
 * Who is on the site, kept in PostgreSQL so every replica agrees: a visitor is online from a
 * page view (or an open socket of theirs, refreshed by the replica holding it) until
 * VISITOR_GONE_SECONDS pass without either. Every replica sweeps; the UPDATE ... RETURNING
 * hands each departure to exactly one of them, which publishes `visitor.left` once.
 */
@Injectable()
export class LivePresence implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LivePresence.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly database: Database,
    private readonly events: LiveVisitorEvents,
    @Inject(SERVICE_ENV) private readonly env: ConnectorWebEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepSafely(), this.env.VISITOR_SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Marks gone the visitors silent for too long; returns how many. */
  async sweep(): Promise<number> {
    const gone = await updateReturning<{ workspace_id: string; visitor_id: string }>(
      this.database.dataSource,
      `update web.visitors set online = false
          where online and last_seen_at < now() - make_interval(secs => $1)
          returning workspace_id, visitor_id`,
      [this.env.VISITOR_GONE_SECONDS],
    );
    if (gone.length === 0) return 0;
    const visitorIds = gone.map((row) => row.visitor_id);
    // An invitation the visitor never answered is moot once they left.
    await this.database.dataSource.query(
      `update web.invitations set status = 'expired', updated_at = now()
        where status = 'sent' and visitor_id = any($1::uuid[])`,
      [visitorIds],
    );
    await this.events.left(
      gone.map((row) => ({ workspaceId: row.workspace_id, visitorId: row.visitor_id })),
    );
    return gone.length;
  }

  /**
   * The visitors with an open socket here are still present. One back after being marked gone
   * arrives again.
   */
  async refreshSockets(visitorIds: string[]): Promise<void> {
    if (visitorIds.length === 0 || !this.database.dataSource.isInitialized) return;
    const rows = await updateReturning<{ visitor_id: string; was_online: boolean }>(
      this.database.dataSource,
      `with previous as (
           select visitor_id, online from web.visitors
            where visitor_id = any($1::uuid[]) order by visitor_id for update)
         update web.visitors v set last_seen_at = now(), online = true,
                online_since = case when v.online then v.online_since else now() end
           from previous p where v.visitor_id = p.visitor_id
         returning v.visitor_id, p.online as was_online`,
      [visitorIds],
    );
    const arrived = rows.filter((row) => !row.was_online).map((row) => row.visitor_id);
    if (arrived.length > 0) await this.events.visitorsChanged(arrived, new Set(arrived));
  }

  /** The visitor started chatting in `conversationId`: told once, whichever replica sees it first. */
  async markChatting(visitorId: string, conversationId: string): Promise<void> {
    const rows = await updateReturning<{ workspace_id: string }>(
      this.database.dataSource,
      `update web.visitors set chatting_conversation_id = $2
        where visitor_id = $1 and chatting_conversation_id is distinct from $2
        returning workspace_id`,
      [visitorId, conversationId],
    );
    const workspaceId = rows[0]?.workspace_id;
    if (workspaceId) await this.events.chatting(workspaceId, visitorId, conversationId);
  }

  /** The visitor's inbox and current visit, when they are online in the workspace. */
  async findOnline(
    workspaceId: string,
    visitorId: string,
  ): Promise<{ inboxId: string; visitId: string } | null> {
    const rows: { inbox_id: string; current_visit_id: string }[] =
      await this.database.dataSource.query(
        `select inbox_id, current_visit_id from web.visitors
          where visitor_id = $1 and workspace_id = $2 and online`,
        [visitorId, workspaceId],
      );
    const row = rows[0];
    return row ? { inboxId: row.inbox_id, visitId: row.current_visit_id } : null;
  }

  private async sweepSafely(): Promise<void> {
    if (this.sweeping || !this.database.dataSource.isInitialized) return;
    this.sweeping = true;
    try {
      await this.sweep();
    } catch (error) {
      this.logger.warn({ err: error }, 'visitor presence sweep failed; next one retries');
    } finally {
      this.sweeping = false;
    }
  }
}
