import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { RateRule } from '@hub/rate-limits';
import { Database, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';
import { SharedCounters } from './shared-counters';

// How often this replica adds its hits to the shared counts and reads the totals back: the
// cluster-wide limit holds within one such interval (see SharedCounters).
export const BEACON_LIMITS_SETTLE_MS = 250;

/**
 * The beacon limits, per client IP and per visitor, shared by all replicas through
 * `web.rate_limits` but charged in memory: a beacon costs no round trip to PostgreSQL, one
 * upsert every BEACON_LIMITS_SETTLE_MS settles every key hit since.
 */
@Injectable()
export class BeaconLimits implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly counters: SharedCounters;
  private readonly perIp: RateRule;
  private readonly perVisitor: RateRule;
  private timer?: NodeJS.Timeout;

  constructor(database: Database, @Inject(SERVICE_ENV) env: ConnectorWebEnv) {
    this.counters = new SharedCounters(() => database.dataSource, 'web');
    this.perIp = { points: env.BEACONS_PER_IP_PER_MINUTE, windowSeconds: 60 };
    this.perVisitor = { points: env.BEACONS_PER_VISITOR_PER_MINUTE, windowSeconds: 60 };
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.counters.settle(), BEACON_LIMITS_SETTLE_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // Hits admitted here still count for the other replicas.
    await this.counters.settle();
  }

  /** Throws RATE_LIMITED (429, Retry-After) past the client IP's budget. */
  chargeIp(ip: string): void {
    this.counters.charge(`beacon-ip:60s:${ip}`, this.perIp);
  }

  /** Throws RATE_LIMITED (429, Retry-After) past the visitor's budget. */
  chargeVisitor(visitorId: string): void {
    this.counters.charge(`beacon-visitor:60s:${visitorId}`, this.perVisitor);
  }
}
