import { reconnectDelayMs } from './backoff';

describe('reconnectDelayMs', () => {
  it('doubles from 0.5 s and stops at 30 s', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 20].map((attempt) =>
      reconnectDelayMs(attempt, () => 0.999999),
    );
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('jitters each delay within the upper half of its step', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(250);
    expect(reconnectDelayMs(3, () => 0.5)).toBe(3000);
    expect(reconnectDelayMs(10, () => 0)).toBe(15000);
  });
});
