import { Inject, Injectable } from '@nestjs/common';
import { rateLimited, RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { DomainException, RateLimitedException, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorSocialEnv } from '../connector-social.env';

// What a flood is made of: requests the platform did not sign, or for no inbox, or not JSON.
const REFUSALS = new Set(['WEBHOOK_SIGNATURE_INVALID', 'WEBHOOK_BODY_INVALID', 'INBOX_NOT_FOUND']);
const MAX_BLOCKED = 10_000;

/**
 * Floods from one source: each refused webhook (401, 404, 400) is charged to its IP in the
 * shared PostgreSQL limit; past SOCIAL_WEBHOOKS_PER_MINUTE the source is answered 429 (with
 * Retry-After) for the rest of the window, whatever it sends. The block the shared store
 * decided is remembered here until it ends, so a blocked flood costs no database work, and
 * signed platform traffic, which only the platform can produce, never waits on the limiter.
 */
@Injectable()
export class WebhookAdmission {
  private readonly refusals: RateLimit;
  private readonly blockedUntil = new Map<string, number>();

  constructor(store: RateLimitStore, @Inject(SERVICE_ENV) env: ConnectorSocialEnv) {
    this.refusals = store.limit('webhook-refusals', [
      { points: env.SOCIAL_WEBHOOKS_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  /** Runs one webhook for `ip`, charging it if refused; RATE_LIMITED while the IP is blocked. */
  async admit<T>(ip: string | undefined, work: () => Promise<T>): Promise<T> {
    const source = ip ?? 'unknown';
    const until = this.blockedUntil.get(source) ?? 0;
    if (until > Date.now()) throw rateLimited(until - Date.now());
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainException && REFUSALS.has(error.code)) await this.charge(source);
      throw error;
    }
  }

  json(rawBody: Buffer): unknown {
    try {
      return JSON.parse(rawBody.toString('utf8')) as unknown;
    } catch {
      throw new DomainException('WEBHOOK_BODY_INVALID', 'The body is not JSON');
    }
  }

  private async charge(source: string): Promise<void> {
    try {
      await this.refusals.consume(source);
    } catch (error) {
      if (error instanceof RateLimitedException) {
        if (this.blockedUntil.size >= MAX_BLOCKED) this.blockedUntil.clear();
        this.blockedUntil.set(source, Date.now() + error.retryAfterMs);
      }
      throw error;
    }
  }
}

export function signatureInvalid(): DomainException {
  return new DomainException('WEBHOOK_SIGNATURE_INVALID', 'Missing or wrong signature');
}

export function inboxNotFound(): DomainException {
  return new DomainException('INBOX_NOT_FOUND', 'No such inbox');
}
