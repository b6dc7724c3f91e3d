import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import type { SessionEndReason } from './agent-session.entity';

export interface StoredRefreshToken {
  sessionId: string;
  workspaceId: string;
  agentId: string;
  expired: boolean;
  rotated: boolean;
  sessionRevoked: boolean;
}

/** gateway.agent_sessions and gateway.refresh_tokens: the only SQL of the session feature. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly database: Database) {}

  async open(
    agent: { workspaceId: string; agentId: string },
    refresh: { tokenHash: string; ttlSeconds: number },
  ): Promise<string> {
    const dataSource = await this.database.connected();
    return dataSource.transaction(async (tx) => {
      const [{ id }] = await tx.query<{ id: string }[]>(
        `insert into gateway.agent_sessions (workspace_id, agent_id) values ($1, $2) returning id`,
        [agent.workspaceId, agent.agentId],
      );
      await this.addRefreshToken(tx, id, refresh);
      return id;
    });
  }

  /** Runs `work` on the locked row of the refresh token with this hash (undefined if unknown). */
  async withLockedRefreshToken<T>(
    tokenHash: string,
    work: (tx: EntityManager, token: StoredRefreshToken | undefined) => Promise<T>,
  ): Promise<T> {
    const dataSource = await this.database.connected();
    return dataSource.transaction(async (tx) => {
      const [token] = await tx.query<StoredRefreshToken[]>(
        `select s.id as "sessionId", s.workspace_id as "workspaceId", s.agent_id as "agentId",
                r.expires_at <= now() as expired, r.rotated_at is not null as rotated,
                s.revoked_at is not null as "sessionRevoked"
           from gateway.refresh_tokens r join gateway.agent_sessions s on s.id = r.session_id
          where r.token_hash = $1
            for update of r, s`,
        [tokenHash],
      );
      return work(tx, token);
    });
  }

  /** Marks the old token used and stores its successor. */
  async rotate(
    tx: EntityManager,
    {
      oldHash,
      sessionId,
      next,
    }: { oldHash: string; sessionId: string; next: { tokenHash: string; ttlSeconds: number } },
  ): Promise<void> {
    await tx.query(`update gateway.refresh_tokens set rotated_at = now() where token_hash = $1`, [
      oldHash,
    ]);
    await this.addRefreshToken(tx, sessionId, next);
  }

  /** Ends the session, in `tx` when given (a refresh decides on its locked rows). */
  async revoke(
    { sessionId, reason }: { sessionId: string; reason: SessionEndReason },
    tx?: EntityManager,
  ): Promise<void> {
    const runner = tx ?? (await this.database.connected()).manager;
    await runner.query(
      `update gateway.agent_sessions set revoked_at = now(), revoked_reason = $2
        where id = $1 and revoked_at is null`,
      [sessionId, reason],
    );
  }

  /** Ends every live session of the agent; returns their ids. */
  async revokeAgent(
    agent: { workspaceId: string; agentId: string },
    reason: SessionEndReason,
  ): Promise<string[]> {
    const dataSource = await this.database.connected();
    const [rows] = await dataSource.query<[{ id: string }[], number]>(
      `update gateway.agent_sessions set revoked_at = now(), revoked_reason = $3
        where agent_id = $1 and workspace_id = $2 and revoked_at is null
        returning id`,
      [agent.agentId, agent.workspaceId, reason],
    );
    return rows.map((row) => row.id);
  }

  /** Sessions revoked within the last `seconds`: older ones have no unexpired access token left. */
  async revokedWithin(seconds: number): Promise<string[]> {
    const dataSource = await this.database.connected();
    const rows = await dataSource.query<{ id: string }[]>(
      `select id from gateway.agent_sessions
        where revoked_at is not null and revoked_at > now() - make_interval(secs => $1)`,
      [seconds],
    );
    return rows.map((row) => row.id);
  }

  private async addRefreshToken(
    tx: EntityManager,
    sessionId: string,
    { tokenHash, ttlSeconds }: { tokenHash: string; ttlSeconds: number },
  ): Promise<void> {
    await tx.query(
      `insert into gateway.refresh_tokens (token_hash, session_id, expires_at)
       values ($1, $2, now() + make_interval(secs => $3))`,
      [tokenHash, sessionId, ttlSeconds],
    );
  }
}
