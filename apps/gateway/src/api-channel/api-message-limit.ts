import { Inject, Injectable } from '@nestjs/common';
import { SettledLimits, type SettledLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';

/**
 * API-channel requests per client IP and inbox, counted across gateway replicas before any other
 * work (no inbox lookup, no HMAC). Charged in memory (SettledLimits), so a flood costs no
 * round trip to PostgreSQL per request.
 */
@Injectable()
export class ApiMessageLimit {
  private readonly perSource: SettledLimit;

  constructor(limits: SettledLimits, @Inject(SERVICE_ENV) env: GatewayEnv) {
    this.perSource = limits.limit('api-inbox-messages', [
      { points: env.API_INBOX_MESSAGES_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  /** Throws RATE_LIMITED (retryAfterMs) past the source's budget. */
  admit(source: { ip: string; inboxId: string }): void {
    this.perSource.charge(`${source.ip}:${source.inboxId}`);
  }
}
