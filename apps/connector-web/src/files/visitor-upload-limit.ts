import { Inject, Injectable } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';

/** Uploads per visitor, per minute and per hour, counted across replicas. */
@Injectable()
export class VisitorUploadLimit {
  private readonly perVisitor: RateLimit;

  constructor(store: RateLimitStore, @Inject(SERVICE_ENV) env: ConnectorWebEnv) {
    this.perVisitor = store.limit('visitor-uploads', [
      { points: env.VISITOR_UPLOADS_PER_MINUTE, windowSeconds: 60 },
      { points: env.VISITOR_UPLOADS_PER_HOUR, windowSeconds: 3600 },
    ]);
  }

  /** Resolves when the upload may be read; RATE_LIMITED (retryAfterMs) when it may not. */
  admit(visitorId: string): Promise<void> {
    return this.perVisitor.consume(visitorId);
  }
}
