import { Inject, Injectable } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';

/**
 * API-channel requests per client IP and inbox, counted across gateway replicas before any other
 * work (no inbox lookup, no HMAC), so a flood costs one counter update per request.
 */
@Injectable()
export class ApiMessageLimit {
  private readonly perSource: RateLimit;

  constructor(store: RateLimitStore, @Inject(SERVICE_ENV) env: GatewayEnv) {
    this.perSource = store.limit('api-inbox-messages', [
      { points: env.API_INBOX_MESSAGES_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  admit(source: { ip: string; inboxId: string }): Promise<void> {
    return this.perSource.consume(`${source.ip}:${source.inboxId}`);
  }
}
