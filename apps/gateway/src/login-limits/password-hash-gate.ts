import { Inject, Injectable } from '@nestjs/common';
import { rateLimited } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';

// What a refused login is told to wait: a login takes a fraction of a second.
const BUSY_RETRY_AFTER_MS = 1_000;

/**
 * At most LOGIN_MAX_CONCURRENT_HASHES logins (each one scrypt hash) in flight in this process.
 * One more is refused at once instead of queued, so a flood of anonymous logins costs the
 * CPU a bounded amount and real logins still get a slot soon. The one per-process count of
 * the limits: it guards this process's CPU, not a shared budget.
 */
@Injectable()
export class PasswordHashGate {
  private inFlight = 0;

  constructor(@Inject(SERVICE_ENV) private readonly env: GatewayEnv) {}

  async run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.env.LOGIN_MAX_CONCURRENT_HASHES) {
      throw rateLimited(BUSY_RETRY_AFTER_MS);
    }
    this.inFlight += 1;
    try {
      return await hash();
    } finally {
      this.inFlight -= 1;
    }
  }
}
