import { Inject, Injectable } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { DomainException, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorSocialEnv } from '../connector-social.env';

/**
 * What every webhook passes first: the source's budget (per IP, shared by all replicas: 429 with
 * Retry-After past it), then a body that is JSON (400 otherwise).
 */
@Injectable()
export class WebhookAdmission {
  private readonly perSource: RateLimit;

  constructor(store: RateLimitStore, @Inject(SERVICE_ENV) env: ConnectorSocialEnv) {
    this.perSource = store.limit('webhook-source', [
      { points: env.SOCIAL_WEBHOOKS_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  admitSource(ip: string | undefined): Promise<void> {
    return this.perSource.consume(ip ?? 'unknown');
  }

  json(rawBody: Buffer): unknown {
    try {
      return JSON.parse(rawBody.toString('utf8')) as unknown;
    } catch {
      throw new DomainException('WEBHOOK_BODY_INVALID', 'The body is not JSON');
    }
  }
}

export function signatureInvalid(): DomainException {
  return new DomainException('WEBHOOK_SIGNATURE_INVALID', 'Missing or wrong signature');
}

export function inboxNotFound(): DomainException {
  return new DomainException('INBOX_NOT_FOUND', 'No such inbox');
}
