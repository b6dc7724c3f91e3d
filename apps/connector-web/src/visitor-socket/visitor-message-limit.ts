import { Inject, Injectable } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';

/** `message.send` per visitor, per second and per minute, counted across replicas and sockets. */
@Injectable()
export class VisitorMessageLimit {
  private readonly perVisitor: RateLimit;

  constructor(store: RateLimitStore, @Inject(SERVICE_ENV) env: ConnectorWebEnv) {
    this.perVisitor = store.limit('visitor-messages', [
      { points: env.VISITOR_MESSAGES_PER_SECOND, windowSeconds: 1 },
      { points: env.VISITOR_MESSAGES_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  /** Resolves when the message may go out; RATE_LIMITED (retryAfterMs) when it may not. */
  admit(visitorId: string): Promise<void> {
    return this.perVisitor.consume(visitorId);
  }
}
