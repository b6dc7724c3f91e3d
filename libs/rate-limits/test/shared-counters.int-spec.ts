import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@hub/testing';
import { DomainException, RateLimitedException } from '@hub/service-kit';
import { DataSource } from 'typeorm';
import { SharedCounters } from '../src/shared-counters';

// The counts of the limits charged in memory (SettledLimits) against a real, migrated PostgreSQL
// (connector-web's `web.rate_limits`): two SharedCounters on two connection pools stand for two
// replicas.
describe('limits charged in memory, shared by replicas', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let one: DataSource;
  let two: DataSource;
  const perMinute = { points: 10, windowSeconds: 60 };

  const refusal = (charge: () => void): unknown => {
    try {
      charge();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  beforeAll(async () => {
    database = await createTestDatabase('webbeaconlimits');
    one = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    two = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });

  afterAll(async () => {
    await one?.destroy();
    await two?.destroy();
    await database?.drop();
  });

  it('lets two replicas spend one budget together, then both refuse with the wait until the window ends', async () => {
    const replicaA = new SharedCounters(() => one, 'web');
    const replicaB = new SharedCounters(() => two, 'web');
    const key = `beacon-visitor:60s:${randomUUID()}`;
    for (let i = 0; i < 5; i++) replicaA.charge(key, perMinute);
    for (let i = 0; i < 5; i++) replicaB.charge(key, perMinute);
    await replicaA.settle();
    await replicaB.settle();
    // A learns B's hits at its next settle: it admits within the interval, then knows.
    replicaA.charge(key, perMinute);
    await replicaA.settle();

    for (const replica of [replicaA, replicaB]) {
      const refused = refusal(() => replica.charge(key, perMinute));
      expect(refused).toBeInstanceOf(RateLimitedException);
      expect((refused as RateLimitedException).retryAfterMs).toBeGreaterThan(50_000);
      expect((refused as RateLimitedException).retryAfterMs).toBeLessThanOrEqual(60_000);
    }
    const row = await one.query<{ points: number }[]>(
      `select points from web.rate_limits where key = $1`,
      [key],
    );
    expect(row).toEqual([{ points: 11 }]);
  });

  it("adds both replicas' hits when they settle the same keys at the same time", async () => {
    const replicaA = new SharedCounters(() => one, 'web');
    const replicaB = new SharedCounters(() => two, 'web');
    const keys = Array.from({ length: 300 }, () => `beacon-ip:60s:${randomUUID()}`);
    for (const key of keys) replicaA.charge(key, perMinute);
    for (const key of [...keys].reverse()) replicaB.charge(key, perMinute);

    await Promise.all([replicaA.settle(), replicaB.settle()]);

    const rows = await one.query<{ points: number; count: string }[]>(
      `select points, count(*) from web.rate_limits where key = any($1) group by points`,
      [keys],
    );
    expect(rows).toEqual([{ points: 2, count: '300' }]);
  });

  it('refuses on one replica past the budget before any settle, and counts each key on its own', () => {
    const replica = new SharedCounters(() => one, 'web');
    const key = `beacon-ip:60s:${randomUUID()}`;
    for (let i = 0; i < 10; i++) replica.charge(key, perMinute);

    expect(refusal(() => replica.charge(key, perMinute))).toBeInstanceOf(RateLimitedException);
    expect(refusal(() => replica.charge(`${key}-other`, perMinute))).toBeUndefined();
  });

  it('starts a fresh window once the shared one has ended', async () => {
    const perSecond = { points: 2, windowSeconds: 1 };
    const replicaA = new SharedCounters(() => one, 'web');
    const replicaB = new SharedCounters(() => two, 'web');
    const key = `beacon-ip:1s:${randomUUID()}`;
    replicaA.charge(key, perSecond);
    replicaB.charge(key, perSecond);
    await replicaA.settle();
    await replicaB.settle();
    expect(refusal(() => replicaB.charge(key, perSecond))).toBeInstanceOf(RateLimitedException);

    await new Promise((resolve) => setTimeout(resolve, 1_100));

    expect(refusal(() => replicaB.charge(key, perSecond))).toBeUndefined();
    await replicaB.settle();
    const row = await two.query<{ points: number }[]>(
      `select points from web.rate_limits where key = $1`,
      [key],
    );
    expect(row).toEqual([{ points: 1 }]);
  });

  it('charges one request to several windows: a hit refused by one still counts in the others', async () => {
    const replica = new SharedCounters(() => one, 'web');
    const visitor = randomUUID();
    const charges = [
      { key: `visitor-messages:1s:${visitor}`, rule: { points: 3, windowSeconds: 1 } },
      { key: `visitor-messages:60s:${visitor}`, rule: { points: 5, windowSeconds: 60 } },
    ];
    for (let i = 0; i < 3; i++) replica.chargeEach(charges);
    const bySecond = refusal(() => replica.chargeEach(charges));
    expect(bySecond).toBeInstanceOf(RateLimitedException);
    expect((bySecond as RateLimitedException).retryAfterMs).toBeLessThanOrEqual(1_000);
    await replica.settle();

    await new Promise((resolve) => setTimeout(resolve, 1_100));

    // A fresh second, but the minute has counted four (the refused one too): one more, then its wait.
    expect(refusal(() => replica.chargeEach(charges))).toBeUndefined();
    const byMinute = refusal(() => replica.chargeEach(charges));
    expect(byMinute).toBeInstanceOf(RateLimitedException);
    expect((byMinute as RateLimitedException).retryAfterMs).toBeGreaterThan(50_000);
    await replica.settle();
    const rows = await one.query<{ key: string; points: number }[]>(
      `select key, points from web.rate_limits where key = any($1) order by key`,
      [charges.map((charge) => charge.key)],
    );
    expect(rows).toEqual([
      { key: charges[0].key, points: 2 },
      { key: charges[1].key, points: 5 },
    ]);
  });

  it('keeps unsettled hits while PostgreSQL is unreachable and refuses once the counts are stale', async () => {
    const unreachable = new DataSource({ type: 'postgres', url: database.url });
    let current = unreachable;
    const replica = new SharedCounters(() => current, 'web');
    const key = `beacon-visitor:60s:${randomUUID()}`;
    replica.charge(key, perMinute);
    await replica.settle();

    const refused = refusal(() => replica.charge(key, perMinute, Date.now() + 5_000));
    expect(refused).toBeInstanceOf(DomainException);
    expect((refused as DomainException).code).toBe('DATABASE_UNAVAILABLE');

    current = one;
    await replica.settle();
    replica.charge(key, perMinute);
    const row = await one.query<{ points: number }[]>(
      `select points from web.rate_limits where key = $1`,
      [key],
    );
    expect(row).toEqual([{ points: 1 }]);
  });
});
