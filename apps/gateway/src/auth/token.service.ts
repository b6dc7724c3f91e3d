import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AgentRole, isValueOf } from '@hub/domain';
import { SERVICE_ENV } from '@hub/service-kit';
import { isUUID } from 'class-validator';
import type { GatewayEnv } from '../gateway.env';
import { authErrors } from './auth.exception';
import type { AuthenticatedAgent } from './authenticated-agent';

// Issuer and audience pin tokens to this use, so a token some later feature signs with the
// same secret (integrators, visitors) is never accepted as an agent's.
const ISSUER = 'hub-gateway';
const AUDIENCE = 'hub-agent';

interface AgentClaims {
  sub: string;
  ws: string;
  role: string;
  sid: string;
  exp: number;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

/**
 * Signs and verifies agents' access tokens (HS256 JWT: sub = agent, ws = workspace, role,
 * sid = session). Whether the session is still live is the guard's and the socket's check.
 */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  private readonly ttlSeconds: number;

  constructor(@Inject(SERVICE_ENV) env: GatewayEnv) {
    this.ttlSeconds = env.JWT_TTL_SECONDS;
    this.jwt = new JwtService({
      secret: env.JWT_SECRET,
      signOptions: {
        algorithm: 'HS256',
        issuer: ISSUER,
        audience: AUDIENCE,
        expiresIn: env.JWT_TTL_SECONDS,
      },
      verifyOptions: { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE },
    });
  }

  issue(
    agent: { id: string; workspaceId: string; role: AgentRole },
    sessionId: string,
  ): IssuedToken {
    const accessToken = this.jwt.sign({
      sub: agent.id,
      ws: agent.workspaceId,
      role: agent.role,
      sid: sessionId,
    });
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  /** The agent behind `token`; throws AUTH_TOKEN_EXPIRED or AUTH_TOKEN_INVALID. */
  verify(token: string): AuthenticatedAgent {
    let claims: AgentClaims;
    try {
      claims = this.jwt.verify<AgentClaims>(token);
    } catch (error) {
      // jsonwebtoken checks the signature before the expiry, so "expired" is never said of a forgery.
      if ((error as Error).name === 'TokenExpiredError') throw authErrors.tokenExpired();
      throw authErrors.tokenInvalid();
    }
    if (
      !isUUID(claims.sub) ||
      !isUUID(claims.ws) ||
      !isUUID(claims.sid) ||
      !isValueOf(AgentRole, claims.role) ||
      !Number.isFinite(claims.exp)
    ) {
      throw authErrors.tokenInvalid();
    }
    return {
      agentId: claims.sub,
      workspaceId: claims.ws,
      role: claims.role,
      sessionId: claims.sid,
      expiresAt: claims.exp * 1000,
    };
  }
}
