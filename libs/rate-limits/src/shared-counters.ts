import { Logger } from '@nestjs/common';
import { rateLimited, type RateRule } from './rate-limit';
import { DomainException, RateLimitedException } from '@hub/service-kit';
import type { DataSource } from 'typeorm';

/** What this replica knows of one limited key. */
interface Counter {
  /** The cluster-wide count at the last settle (every replica's flushed hits). */
  shared: number;
  /** Epoch ms the shared window ends; 0 while unknown. */
  expire: number;
  /** Hits admitted here and not yet added to the shared count. */
  pending: number;
  windowMs: number;
}

// Past this long without a successful settle the counts are too stale to trust: refuse rather
// than fail open, as the per-request limits do when PostgreSQL is down.
const STALE_AFTER_MS = 2_000;

/**
 * Rate-limit counts shared by every replica through `<schema>.rate_limits`, settled in batches:
 * each hit is counted in memory and admitted against the last cluster-wide count read back plus
 * this replica's unsettled hits; `settle()` (every few hundred ms) adds all unsettled hits in one
 * multi-row upsert and reads the new totals back. Windows are fixed, started by a key's first
 * hit. The rows mean what rate-limiter-flexible's rows in the same table mean (points, expiry in
 * epoch ms), and keys are built the same way (`<limit>:<window>:<key>`), so a limit that moves from
 * one to the other keeps its counts, also while replicas of both versions run. A replica reads
 * a key's cluster-wide count back only when it settles its own hits on that key, so it refuses
 * at the latest once its own hits reach `points`: in the worst case the cluster admits `points`
 * per replica in one window; with one replica, exactly `points`.
 */
export class SharedCounters {
  private readonly logger = new Logger(SharedCounters.name);
  private readonly counters = new Map<string, Counter>();
  private failingSince: number | null = null;
  private settling: Promise<void> | null = null;

  constructor(
    private readonly dataSource: () => DataSource,
    private readonly schema: string,
  ) {}

  /** Charges one hit to `key` under `rule`, or throws RATE_LIMITED / DATABASE_UNAVAILABLE. */
  charge(key: string, rule: RateRule, now = Date.now()): void {
    if (this.failingSince !== null && now - this.failingSince > STALE_AFTER_MS) {
      throw new DomainException('DATABASE_UNAVAILABLE', 'The request could not be checked; retry');
    }
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { shared: 0, expire: 0, pending: 0, windowMs: rule.windowSeconds * 1000 };
      this.counters.set(key, counter);
    } else if (counter.expire !== 0 && counter.expire <= now) {
      counter.shared = 0;
      counter.expire = 0;
    }
    if (counter.shared + counter.pending >= rule.points) {
      throw rateLimited(counter.expire !== 0 ? counter.expire - now : counter.windowMs);
    }
    counter.pending += 1;
  }

  /**
   * Charges one hit to each key under its own rule, as one request limited several ways (per
   * second and per minute): each counts the hit where it fits, and a refusal by any throws
   * RATE_LIMITED with the longest wait.
   */
  chargeEach(charges: readonly { key: string; rule: RateRule }[], now = Date.now()): void {
    let wait: number | undefined;
    for (const { key, rule } of charges) {
      try {
        this.charge(key, rule, now);
      } catch (error) {
        if (!(error instanceof RateLimitedException)) throw error;
        wait = Math.max(wait ?? 0, error.retryAfterMs);
      }
    }
    if (wait !== undefined) throw rateLimited(wait);
  }

  /** Adds the unsettled hits to the shared counts and reads them back (one at a time). */
  settle(): Promise<void> {
    this.settling ??= this.write().finally(() => {
      this.settling = null;
    });
    return this.settling;
  }

  private async write(now = Date.now()): Promise<void> {
    const sent = new Map<string, number>();
    for (const [key, counter] of this.counters) {
      if (counter.pending > 0) {
        sent.set(key, counter.pending);
      } else if (counter.expire <= now) {
        // Nothing to add and nothing to remember: the key starts afresh on its next hit.
        this.counters.delete(key);
      }
    }
    if (sent.size === 0) {
      this.failingSince = null;
      return;
    }
    let rows: { key: string; points: number; expire: string }[];
    try {
      const keys = [...sent.keys()];
      rows = await this.upsert(
        keys,
        keys.map((key) => sent.get(key)!),
        keys.map((key) => this.counters.get(key)!.windowMs),
        now,
      );
    } catch (error) {
      // The hits stay pending and go with the next settle.
      this.failingSince ??= now;
      this.logger.warn({ err: error, keys: sent.size }, 'rate limit counts not settled');
      return;
    }
    this.failingSince = null;
    for (const row of rows) {
      const counter = this.counters.get(row.key);
      if (!counter) continue;
      // Hits admitted while the statement ran stay pending for the next settle.
      counter.pending -= sent.get(row.key) ?? 0;
      counter.shared = row.points;
      counter.expire = Number(row.expire);
    }
  }

  private async upsert(
    keys: string[],
    hits: number[],
    windows: number[],
    now: number,
  ): Promise<{ key: string; points: number; expire: string }[]> {
    const dataSource = this.dataSource();
    if (!dataSource.isInitialized) {
      throw new DomainException('DATABASE_UNAVAILABLE', 'The database is not reachable yet');
    }
    // In key order: replicas settling the same keys at once lock them in the same order, so they
    // never deadlock.
    return dataSource.query(
      `insert into "${this.schema}".rate_limits as r (key, points, expire)
       select k, p, $4::bigint + w from unnest($1::text[], $2::int[], $3::bigint[]) as t(k, p, w)
       order by k
       on conflict (key) do update set
         points = case when r.expire is null or r.expire <= $4::bigint
                       then excluded.points else r.points + excluded.points end,
         expire = case when r.expire is null or r.expire <= $4::bigint
                       then excluded.expire else r.expire end
       returning key, points, expire`,
      [keys, hits, windows, now],
    );
  }
}
