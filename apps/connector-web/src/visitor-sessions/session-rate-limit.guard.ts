import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { Request } from 'express';
import type { ConnectorWebEnv } from '../connector-web.env';

/**
 * Session requests per client IP (each may mint a visitor and a permanent row), counted across
 * replicas; past the limit, RATE_LIMITED with Retry-After.
 */
@Injectable()
export class SessionRateLimitGuard implements CanActivate {
  private readonly perIp: RateLimit;

  constructor(store: RateLimitStore, @Inject(SERVICE_ENV) env: ConnectorWebEnv) {
    this.perIp = store.limit('session-ip', [
      { points: env.SESSION_MINT_MAX_PER_IP, windowSeconds: env.SESSION_MINT_WINDOW_SECONDS },
    ]);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // `ip` honours TRUST_PROXY: the socket's peer unless a trusted proxy forwarded it.
    const { ip } = context.switchToHttp().getRequest<Request>();
    await this.perIp.consume(ip ?? 'unknown');
    return true;
  }
}
