import { Inject, Injectable } from '@nestjs/common';
import { SettledLimits, type SettledLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';

/** The beacon limits, per client IP and per visitor (charged in memory: SettledLimits). */
@Injectable()
export class BeaconLimits {
  private readonly perIp: SettledLimit;
  private readonly perVisitor: SettledLimit;

  constructor(limits: SettledLimits, @Inject(SERVICE_ENV) env: ConnectorWebEnv) {
    this.perIp = limits.limit('beacon-ip', [
      { points: env.BEACONS_PER_IP_PER_MINUTE, windowSeconds: 60 },
    ]);
    this.perVisitor = limits.limit('beacon-visitor', [
      { points: env.BEACONS_PER_VISITOR_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  /** Throws RATE_LIMITED (429, Retry-After) past the client IP's budget. */
  chargeIp(ip: string): void {
    this.perIp.charge(ip);
  }

  /** Throws RATE_LIMITED (429, Retry-After) past the visitor's budget. */
  chargeVisitor(visitorId: string): void {
    this.perVisitor.charge(visitorId);
  }
}
