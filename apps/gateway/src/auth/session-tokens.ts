import { Inject, Injectable } from '@nestjs/common';
import type { AgentView } from '@hub/contracts';
import { SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';
import { hashRefreshToken, newRefreshToken } from '../sessions/refresh-token';
import { SessionsRepository } from '../sessions/sessions.repository';
import { TokenService } from './token.service';

export interface SessionTokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
}

/** The access and refresh tokens a login or a refresh hands out. */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionsRepository,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
  ) {}

  /** A new session (a new refresh-token family) for an agent who just proved their password. */
  async openSession(agent: AgentView): Promise<SessionTokenPair> {
    const refreshToken = newRefreshToken();
    const sessionId = await this.sessions.open(
      { workspaceId: agent.workspaceId, agentId: agent.id },
      this.refreshRecord(refreshToken),
    );
    return this.pair(agent, sessionId, refreshToken);
  }

  pair(agent: AgentView, sessionId: string, refreshToken: string): SessionTokenPair {
    const { accessToken, expiresIn } = this.tokens.issue(agent, sessionId);
    return { accessToken, tokenType: 'Bearer', expiresIn, refreshToken };
  }

  refreshRecord(refreshToken: string): { tokenHash: string; ttlSeconds: number } {
    return {
      tokenHash: hashRefreshToken(refreshToken),
      ttlSeconds: this.env.REFRESH_TOKEN_TTL_SECONDS,
    };
  }
}
