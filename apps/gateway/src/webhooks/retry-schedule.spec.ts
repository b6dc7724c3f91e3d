import { nextAttemptAt, type RetryPolicy } from './retry-schedule';

const DEFAULTS: RetryPolicy = {
  firstRetryMs: 5_000,
  maxDelayMs: 10 * 3600_000,
  retryForMs: 3 * 24 * 3600_000,
};

/** Every attempt time of a delivery that always fails, in ms after the first attempt. */
function schedule(policy: RetryPolicy): number[] {
  const first = new Date(0);
  const times = [0];
  for (let attempts = 1; ; attempts++) {
    const now = new Date(times[times.length - 1]);
    const next = nextAttemptAt(policy, { attempts, firstAttemptAt: first, now });
    if (!next) return times;
    times.push(next.getTime());
  }
}

describe('webhook retry schedule', () => {
  it('waits 5 s, 20 s, 80 s… fourfold, then at most 10 h between attempts', () => {
    const times = schedule(DEFAULTS);
    const waits = times.slice(1).map((t, i) => t - times[i]);
    expect(waits.slice(0, 4)).toEqual([5_000, 20_000, 80_000, 320_000]);
    expect(Math.max(...waits)).toBe(10 * 3600_000);
  });

  it('keeps retrying for three days after the first attempt and not a moment longer', () => {
    const times = schedule(DEFAULTS);
    const last = times[times.length - 1];
    expect(last).toBeLessThanOrEqual(DEFAULTS.retryForMs);
    expect(last + DEFAULTS.maxDelayMs).toBeGreaterThan(DEFAULTS.retryForMs);
    expect(times.length).toBe(14);
  });
});
