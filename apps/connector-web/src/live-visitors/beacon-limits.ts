import { Inject, Injectable } from '@nestjs/common';
import { SettledLimits, type RateRule } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';

/** The beacon limits, per client IP and per visitor (charged in memory: SettledLimits). */
@Injectable()
export class BeaconLimits {
  private readonly perIp: RateRule;
  private readonly perVisitor: RateRule;

  constructor(
    private readonly limits: SettledLimits,
    @Inject(SERVICE_ENV) env: ConnectorWebEnv,
  ) {
    this.perIp = { points: env.BEACONS_PER_IP_PER_MINUTE, windowSeconds: 60 };
    this.perVisitor = { points: env.BEACONS_PER_VISITOR_PER_MINUTE, windowSeconds: 60 };
  }

  /** Throws RATE_LIMITED (429, Retry-After) past the client IP's budget. */
  chargeIp(ip: string): void {
    this.limits.charge(`beacon-ip:60s:${ip}`, this.perIp);
  }

  /** Throws RATE_LIMITED (429, Retry-After) past the visitor's budget. */
  chargeVisitor(visitorId: string): void {
    this.limits.charge(`beacon-visitor:60s:${visitorId}`, this.perVisitor);
  }
}
