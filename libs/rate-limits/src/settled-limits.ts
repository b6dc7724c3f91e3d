import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import type { RateRule } from './rate-limit';
import { RATE_LIMIT_SCHEMA } from './rate-limit-store';
import { SharedCounters } from './shared-counters';

// How often this replica adds its hits to the shared counts and reads the totals back (what the
// limits then guarantee across replicas: SharedCounters).
export const LIMITS_SETTLE_MS = 250;

/** One limit of SettledLimits: charging a key throws when the key is past the limit. */
export interface SettledLimit {
  charge(key: string): void;
}

/**
 * The limits on what happens often (every chat message, beacon, API message): shared by all
 * replicas through `<schema>.rate_limits` but charged in memory, so a hit costs no round trip to
 * PostgreSQL; one upsert every LIMITS_SETTLE_MS settles every key hit since. Rare requests
 * (logins, sessions, uploads) keep RateLimitStore's exact per-request count.
 */
@Injectable()
export class SettledLimits implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly counters: SharedCounters;
  private timer?: NodeJS.Timeout;

  constructor(database: Database, @Inject(RATE_LIMIT_SCHEMA) schema: string) {
    this.counters = new SharedCounters(() => database.dataSource, schema);
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

  /**
   * A limit of `points` per window per key, each rule counted on its own (windows must differ),
   * keyed as RateLimitStore keys its limits. Its `charge` throws RATE_LIMITED with the longest
   * wait of the refusing windows, DATABASE_UNAVAILABLE when the counts are stale.
   */
  limit(name: string, rules: readonly RateRule[]): SettledLimit {
    const windows = rules.map((rule) => ({ prefix: `${name}:${rule.windowSeconds}s:`, rule }));
    return {
      charge: (key) =>
        this.counters.chargeEach(windows.map(({ prefix, rule }) => ({ key: prefix + key, rule }))),
    };
  }
}
