import { Injectable } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { API_PREFIX } from '../api/api-prefix';
import { API_KEY_HEADER } from '../api-keys/api-key';
import { API_KEY_ALLOWED } from '../api-keys/api-key-allowed.decorator';
import { RevokedSessions } from '../sessions/revoked-sessions';
import { authErrors } from './auth.exception';
import type { AuthenticatedRequest } from './current-agent.decorator';
import { IS_PUBLIC } from './public.decorator';
import { TokenService } from './token.service';

/**
 * Registered globally: every HTTP route under `/api/v1` needs a valid bearer token unless it is
 * marked @Public(). Health, metrics and the API docs stay open.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly reflector: Reflector,
    private readonly revoked: RevokedSessions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    // Decided by the route's controller, not the request path: Express matches paths
    // case-insensitively, so `/API/V1/...` reaches the same handlers.
    const controllerPath = this.reflector.get<string | string[] | undefined>(
      PATH_METADATA,
      context.getClass(),
    );
    const paths = Array.isArray(controllerPath) ? controllerPath : [controllerPath ?? ''];
    if (!paths.some((path) => path.replace(/^\//, '').startsWith(API_PREFIX))) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    // An integrator's key instead of a token, where the route allows it: ApiKeyGuard checks it.
    const keyAllowed = this.reflector.get<boolean | undefined>(
      API_KEY_ALLOWED,
      context.getHandler(),
    );
    if (keyAllowed && !request.header('authorization') && request.header(API_KEY_HEADER)) {
      return true;
    }

    try {
      const agent = this.tokens.verify(bearerToken(request.header('authorization')));
      // An in-memory check kept fresh by RevokedSessions: no database query per request.
      if (this.revoked.isRevoked(agent.sessionId)) throw authErrors.sessionRevoked();
      request.agent = agent;
      return true;
    } catch (error) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw error;
    }
  }
}

function bearerToken(header: string | undefined): string {
  if (!header) throw authErrors.tokenMissing();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw authErrors.tokenMissing('The Authorization header must be "Bearer <token>"');
  return match[1];
}
