import { validateEnv, ServiceEnv } from '@hub/config';
import { trustProxySetting } from './trust-proxy';

describe('trustProxySetting', () => {
  it('trusts no proxy by default', () => {
    const env = validateEnv(ServiceEnv, {
      PORT: '3000',
      DATABASE_URL: 'postgres://localhost/x',
      NATS_URL: 'nats://localhost:4222',
    });

    expect(trustProxySetting(env.TRUST_PROXY)).toBe(false);
  });

  it('reads a hop count, true, or a list of trusted addresses and subnets', () => {
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
  });
});
