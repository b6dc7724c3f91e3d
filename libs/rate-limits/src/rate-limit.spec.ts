import { DomainException, RateLimitedException } from '@hub/service-kit';
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimit } from './rate-limit';

// The rules' arithmetic only; the shared PostgreSQL store is exercised end to end
// (tests/e2e/gateway/login-limits, tests/e2e/web-chat/visitor-limits).
describe('RateLimit', () => {
  const perSecond = () => new RateLimiterMemory({ points: 2, duration: 1 });
  const perMinute = () => new RateLimiterMemory({ points: 3, duration: 60 });

  it('admits up to the tightest rule, then refuses with the wait of the rule that refused', async () => {
    const limit = new RateLimit('test', [perSecond(), perMinute()]);
    await limit.consume('v1');
    await limit.consume('v1');

    const refused = await limit.consume('v1').catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(RateLimitedException);
    expect((refused as RateLimitedException).code).toBe('RATE_LIMITED');
    expect((refused as RateLimitedException).retryAfterMs).toBeLessThanOrEqual(1_000);
  });

  it('waits for the longest window when several rules refuse', async () => {
    const limit = new RateLimit('test', [perSecond(), perMinute()]);
    for (let i = 0; i < 3; i++) await limit.consume('v1').catch(() => undefined);

    const refused = (await limit
      .consume('v1')
      .catch((error: unknown) => error)) as RateLimitedException;

    expect(refused.retryAfterMs).toBeGreaterThan(1_000);
  });

  it('counts each key on its own', async () => {
    const limit = new RateLimit('test', [perSecond()]);
    await limit.consume('v1');
    await limit.consume('v1');

    await expect(limit.consume('v2')).resolves.toBeUndefined();
  });

  it('refuses as unavailable, not admitted, when the store fails', async () => {
    const broken = {
      consume: () => Promise.reject(new Error('connection terminated')),
    } as unknown as RateLimiterAbstract;
    const limit = new RateLimit('test', [broken]);

    const refused = await limit.consume('v1').catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(DomainException);
    expect((refused as DomainException).code).toBe('DATABASE_UNAVAILABLE');
  });
});
