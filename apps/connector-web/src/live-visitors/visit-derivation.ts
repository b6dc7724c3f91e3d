import { Injectable } from '@nestjs/common';
import type { UtmView, VisitorDevice, VisitSource } from '@hub/contracts';
import type { BeaconClient, QueuedView } from './beacon-types';
import { IpLocator, bundledIpDatabaseDir } from './derive/ip-location';
import { describeUserAgent } from './derive/user-agent';
import { deriveVisitOrigin } from './derive/visit-source';

/** What a visit records about where it came from and who is visiting. */
export interface VisitAttributes {
  source: VisitSource;
  searchEngine: string | null;
  searchKeyword: string | null;
  referrer: string | null;
  utm: UtmView;
  country: string | null;
  city: string | null;
  browser: string | null;
  os: string | null;
  device: VisitorDevice | null;
}

/** A new visit's attributes, from its first page view and the request that brought it. */
@Injectable()
export class VisitDerivation {
  private readonly locator = new IpLocator(bundledIpDatabaseDir());

  async derive(first: QueuedView, client: BeaconClient): Promise<VisitAttributes> {
    const origin = deriveVisitOrigin(first.url, first.referrer);
    const location = await this.locator.locate(client.ip);
    return {
      ...origin,
      referrer: first.referrer,
      ...location,
      ...describeUserAgent(client.userAgent),
    };
  }
}
