import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type AgentView, type GetAgentRequest } from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { hashRefreshToken, newRefreshToken } from '../sessions/refresh-token';
import { RevokedSessions } from '../sessions/revoked-sessions';
import { SessionsRepository, type StoredRefreshToken } from '../sessions/sessions.repository';
import { authErrors } from './auth.exception';
import type { RefreshResponseDto } from './dto/refresh.dto';
import { SessionTokens } from './session-tokens';

type Outcome =
  | { agent: AgentView; sessionId: string; refreshToken: string }
  | { error: DomainException; revokedSessionId?: string };

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation). A token
 * already exchanged and used again means two parties hold it: the whole session is revoked.
 * The new access token carries the agent's current role, as routing says now.
 */
@Injectable()
export class RefreshSession {
  private readonly logger = new Logger(RefreshSession.name);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly revoked: RevokedSessions,
    private readonly tokens: SessionTokens,
    private readonly rpc: RpcClient,
  ) {}

  async execute(refreshToken: string): Promise<RefreshResponseDto> {
    const oldHash = hashRefreshToken(refreshToken);
    // Decided on the locked rows, so two uses of one token cannot both rotate it.
    const outcome = await this.sessions.withLockedRefreshToken(oldHash, (tx, stored) =>
      this.decide(tx, oldHash, stored),
    );
    if ('error' in outcome) {
      if (outcome.revokedSessionId) this.revoked.add([outcome.revokedSessionId]);
      throw outcome.error;
    }
    const { agent, sessionId } = outcome;
    return { ...this.tokens.pair(agent, sessionId, outcome.refreshToken), agent };
  }

  private async decide(
    tx: EntityManager,
    oldHash: string,
    stored: StoredRefreshToken | undefined,
  ): Promise<Outcome> {
    if (!stored || stored.sessionRevoked || stored.expired)
      return { error: authErrors.refreshInvalid() };
    const { sessionId } = stored;
    if (stored.rotated) {
      await this.sessions.revoke({ sessionId, reason: 'reuse' }, tx);
      this.logger.warn(
        { sessionId, agentId: stored.agentId },
        'refresh token reused; session revoked',
      );
      return { error: authErrors.refreshReused(), revokedSessionId: sessionId };
    }
    const agent = await this.currentAgent(stored);
    if (!agent) {
      await this.sessions.revoke({ sessionId, reason: 'agent_changed' }, tx);
      return { error: authErrors.refreshInvalid(), revokedSessionId: sessionId };
    }
    const refreshToken = newRefreshToken();
    await this.sessions.rotate(tx, {
      oldHash,
      sessionId,
      next: this.tokens.refreshRecord(refreshToken),
    });
    return { agent, sessionId, refreshToken };
  }

  /** The agent as routing knows them now; undefined once removed or deactivated. */
  private async currentAgent(stored: StoredRefreshToken): Promise<AgentView | undefined> {
    const request: GetAgentRequest = { workspaceId: stored.workspaceId, agentId: stored.agentId };
    try {
      const agent = await this.rpc.request(SUBJECTS.routing.getAgent, request);
      return agent.active ? agent : undefined;
    } catch (error) {
      if (error instanceof DomainException && error.code === 'AGENT_NOT_FOUND') return undefined;
      throw error;
    }
  }
}
