import { Inject, Injectable } from '@nestjs/common';
import { SettledLimits, type SettledLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';

/**
 * `message.send` (and CSAT) per visitor, per second and per minute, counted across sockets and
 * replicas. Charged in memory (SettledLimits): it runs for every chat message, and two
 * autocommitted upserts per message were a round trip and two WAL flushes on each.
 */
@Injectable()
export class VisitorMessageLimit {
  private readonly perVisitor: SettledLimit;

  constructor(limits: SettledLimits, @Inject(SERVICE_ENV) env: ConnectorWebEnv) {
    this.perVisitor = limits.limit('visitor-messages', [
      { points: env.VISITOR_MESSAGES_PER_SECOND, windowSeconds: 1 },
      { points: env.VISITOR_MESSAGES_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  /** Throws RATE_LIMITED (retryAfterMs) when the message may not go out. */
  admit(visitorId: string): void {
    this.perVisitor.charge(visitorId);
  }
}
