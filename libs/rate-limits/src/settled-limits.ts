import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { RateRule } from '@hub/rate-limits';
import { Database } from '@hub/service-kit';
import { SharedCounters } from './shared-counters';

// How often this replica adds its hits to the shared counts and reads the totals back: the
// cluster-wide limits hold within one such interval (see SharedCounters).
export const LIMITS_SETTLE_MS = 250;

/**
 * connector-web's limits on what visitors do often (beacons, chat messages): shared by all
 * replicas through `web.rate_limits` but charged in memory, so a hit costs no round trip to
 * PostgreSQL; one upsert every LIMITS_SETTLE_MS settles every key hit since. Rare requests
 * (sessions, uploads) keep rate-limiter-flexible's exact per-request count (`@hub/rate-limits`).
 */
@Injectable()
export class SettledLimits implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly counters: SharedCounters;
  private timer?: NodeJS.Timeout;

  constructor(database: Database) {
    this.counters = new SharedCounters(() => database.dataSource, 'web');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.counters.settle(), LIMITS_SETTLE_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // Hits admitted here still count for the other replicas.
    await this.counters.settle();
  }

  /** Throws RATE_LIMITED (with the wait) past `rule` for `key`, DATABASE_UNAVAILABLE when stale. */
  charge(key: string, rule: RateRule): void {
    this.counters.charge(key, rule);
  }

  /** One request limited several ways: see SharedCounters.chargeEach. */
  chargeEach(charges: readonly { key: string; rule: RateRule }[]): void {
    this.counters.chargeEach(charges);
  }
}
