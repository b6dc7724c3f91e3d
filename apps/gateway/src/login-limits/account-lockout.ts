import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { rateLimited, RateLimitStore, storeFailure } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { GatewayEnv } from '../gateway.env';

// Lockouts of one account are remembered this long: each one within it doubles the next.
const LOCKOUT_MEMORY_SECONDS = 24 * 3600;

/**
 * Per account (workspace + email, known or not, so refusals reveal nothing): after
 * LOGIN_ACCOUNT_MAX_FAILURES wrong passwords the account is locked, even for the right
 * password, for LOGIN_LOCKOUT_SECONDS, doubling with each further lockout that day.
 */
@Injectable()
export class AccountLockout {
  private readonly failures: RateLimiterPostgres;
  private readonly lockouts: RateLimiterPostgres;

  constructor(
    store: RateLimitStore,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
  ) {
    this.failures = store.limiter('login-failures', {
      points: env.LOGIN_ACCOUNT_MAX_FAILURES,
      windowSeconds: env.LOGIN_ACCOUNT_FAILURE_WINDOW_SECONDS,
    });
    // Only counted, never refused on.
    this.lockouts = store.limiter('login-lockouts', {
      points: Number.MAX_SAFE_INTEGER,
      windowSeconds: LOCKOUT_MEMORY_SECONDS,
    });
  }

  /** Throws RATE_LIMITED while the account is locked. */
  async assertUnlocked(account: string): Promise<void> {
    const state = await this.failures.get(accountKey(account)).catch(refuse);
    // `block` marks a lock by spending one point more than the limit.
    if (state && state.consumedPoints > this.env.LOGIN_ACCOUNT_MAX_FAILURES)
      throw rateLimited(state.msBeforeNext);
  }

  async recordFailure(account: string): Promise<void> {
    const key = accountKey(account);
    const { consumedPoints } = await this.failures.penalty(key).catch(refuse);
    // Exactly at the limit: a failure racing past it must not lock (and double) a second time.
    if (consumedPoints !== this.env.LOGIN_ACCOUNT_MAX_FAILURES) return;
    const { consumedPoints: lockoutsToday } = await this.lockouts.penalty(key).catch(refuse);
    const seconds = Math.min(
      this.env.LOGIN_LOCKOUT_SECONDS * 2 ** (lockoutsToday - 1),
      this.env.LOGIN_LOCKOUT_MAX_SECONDS,
    );
    await this.failures.block(key, seconds).catch(refuse);
  }

  async recordSuccess(account: string): Promise<void> {
    const key = accountKey(account);
    await Promise.all([this.failures.delete(key), this.lockouts.delete(key)]).catch(refuse);
  }
}

function refuse(error: unknown): never {
  throw storeFailure('login-lockout', error);
}

// Hashed: keys fit the table's varchar(255) and the table holds no email addresses.
function accountKey(account: string): string {
  return createHash('sha256').update(account).digest('hex');
}
