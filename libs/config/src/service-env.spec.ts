import { metricsPort } from './metrics-port';
import { ServiceEnv } from './service-env';
import { EnvValidationError, validateEnv } from './validate-env';

const required = {
  PORT: '3000',
  DATABASE_URL: 'postgres://127.0.0.1/hub',
  NATS_URL: 'nats://127.0.0.1:4222',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    validateEnv(ServiceEnv, env);
    return [];
  } catch (error) {
    if (error instanceof EnvValidationError) return error.problems;
    throw error;
  }
}

describe('ServiceEnv: where a service listens', () => {
  it('binds loopback and serves metrics 1000 ports above PORT when nothing is said', () => {
    const env = validateEnv(ServiceEnv, required);

    expect(env.HOST).toBe('127.0.0.1');
    expect(metricsPort(env)).toBe(4000);
  });

  it('takes HOST and METRICS_PORT, 0 meaning any free port', () => {
    const env = validateEnv(ServiceEnv, { ...required, HOST: '0.0.0.0', METRICS_PORT: '0' });

    expect(env.HOST).toBe('0.0.0.0');
    expect(metricsPort(env)).toBe(0);
  });

  it('refuses a HOST that is not an address', () => {
    expect(problemsOf({ ...required, HOST: 'my-laptop' })).toEqual([
      'HOST: HOST must be an IP address to bind to (127.0.0.1, 0.0.0.0, ::)',
    ]);
  });

  it('refuses a PORT whose default metrics port does not exist, unless METRICS_PORT is set', () => {
    expect(problemsOf({ ...required, PORT: '65000' })).toEqual([
      'PORT: PORT must be at most 64535 unless METRICS_PORT is set (metrics default to PORT + 1000)',
    ]);
    expect(problemsOf({ ...required, PORT: '65000', METRICS_PORT: '9464' })).toEqual([]);
  });
});
