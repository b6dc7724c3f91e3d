import { EnvValidationError, validateEnv, ServiceEnv } from '@hub/config';
import { trustProxySetting } from './trust-proxy';

describe('trustProxySetting', () => {
  const required = {
    PORT: '3000',
    DATABASE_URL: 'postgres://localhost/x',
    NATS_URL: 'nats://localhost:4222',
  };

  it('trusts no proxy by default', () => {
    const env = validateEnv(ServiceEnv, required);

    expect(trustProxySetting(env.TRUST_PROXY)).toBe(false);
  });

  it('stops the service on a TRUST_PROXY it cannot read', () => {
    expect(() =>
      validateEnv(ServiceEnv, { ...required, TRUST_PROXY: 'the load balancer' }),
    ).toThrow(EnvValidationError);
  });

  it('reads a hop count, true, or a list of trusted addresses and subnets', () => {
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
  });
});
