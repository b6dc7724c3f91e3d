import { RateLimitedException } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';
import { PasswordHashGate } from './password-hash-gate';

describe('PasswordHashGate', () => {
  const gate = () => new PasswordHashGate({ LOGIN_MAX_CONCURRENT_HASHES: 2 } as GatewayEnv);

  it('refuses at once, without queueing, a login beyond the concurrent cap', async () => {
    const hashes = gate();
    const running: (() => void)[] = [];
    const hold = () => new Promise<void>((resolve) => running.push(resolve));
    const first = hashes.run(hold);
    const second = hashes.run(hold);
    const third = jest.fn(() => Promise.resolve());

    await expect(hashes.run(third)).rejects.toBeInstanceOf(RateLimitedException);
    expect(third).not.toHaveBeenCalled();
    running.forEach((finish) => finish());
    await Promise.all([first, second]);
  });

  it('frees the slot when a login ends, even a failed one', async () => {
    const hashes = gate();
    await hashes.run(() => Promise.resolve());
    await hashes.run(() => Promise.reject(new Error('wrong password'))).catch(() => undefined);

    await expect(
      Promise.all([hashes.run(() => Promise.resolve(1)), hashes.run(() => Promise.resolve(2))]),
    ).resolves.toEqual([1, 2]);
  });
});
