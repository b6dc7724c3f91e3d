import { Logger } from '@nestjs/common';
import { DomainException, RateLimitedException } from '@hub/service-kit';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** `points` requests admitted per key in each window of `windowSeconds`. */
export interface RateRule {
  points: number;
  windowSeconds: number;
}

/**
 * One limit of the hub (session minting per IP, messages per visitor...): one or more rules,
 * each with its own window, all charged for every request. A refused request throws
 * RATE_LIMITED with the wait of the rule that refused it longest.
 */
export class RateLimit {
  constructor(
    readonly name: string,
    private readonly limiters: RateLimiterAbstract[],
  ) {}

  async consume(key: string): Promise<void> {
    const outcomes = await Promise.allSettled(this.limiters.map((limiter) => limiter.consume(key)));
    const waits: number[] = [];
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') continue;
      if (!(outcome.reason instanceof RateLimiterRes))
        throw storeFailure(this.name, outcome.reason);
      waits.push(outcome.reason.msBeforeNext);
    }
    if (waits.length > 0) throw rateLimited(Math.max(...waits));
  }
}

const logger = new Logger(RateLimit.name);

/**
 * What a limit whose store failed answers: the request is not admitted, since failing open would
 * let a flood through exactly when the database is struggling.
 */
export function storeFailure(limit: string, error: unknown): DomainException {
  if (error instanceof DomainException) return error;
  logger.warn({ err: error, limit }, 'rate limit not checked');
  return new DomainException('DATABASE_UNAVAILABLE', 'The request could not be checked; retry');
}

/** RATE_LIMITED, naming the wait but not the limit (clients need no internal names). */
export function rateLimited(retryAfterMs: number): RateLimitedException {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new RateLimitedException(`Too many requests; try again in ${seconds} s`, retryAfterMs);
}
