import {
  SERVICES,
  serviceOf,
  launchedServices,
  readinessUrl,
  selectServices,
  serviceEnv,
  filesSigningSecret,
  secretsKey,
} from './services';

describe('services', () => {
  it('lists the seven services on ports 3000 to 3006 with their compiled entry points', () => {
    expect(SERVICES.map((s) => [s.name, s.port])).toEqual([
      ['gateway', 3000],
      ['connector-web', 3001],
      ['connector-email', 3002],
      ['connector-social', 3003],
      ['conversation', 3004],
      ['routing', 3005],
      ['crm', 3006],
    ]);
    expect(SERVICES[0]?.entry).toBe('dist/apps/gateway/src/main.js');
    expect(readinessUrl(SERVICES[6])).toBe('http://127.0.0.1:3006/health/ready');
  });

  it('moves every port together when the gateway is given another one', () => {
    const moved = launchedServices(41000);
    expect(moved.map((s) => s.port)).toEqual([41000, 41001, 41002, 41003, 41004, 41005, 41006]);
    expect(serviceOf(moved, 'gateway').url).toBe('http://127.0.0.1:41000');
    expect(selectServices(['crm'], moved)).toEqual([moved[6]]);
  });

  it('selects all services by default, the named ones otherwise, and rejects unknown names', () => {
    expect(selectServices([])).toHaveLength(7);
    expect(selectServices(['crm', 'gateway']).map((s) => s.name)).toEqual(['gateway', 'crm']);
    expect(() => selectServices(['gatewya'])).toThrow(/unknown service\(s\): gatewya/);
  });

  it('gives each child its port, the shared infrastructure URLs, the namespace and the JWT secret', () => {
    const env = serviceEnv(SERVICES[4], {
      databaseUrl: 'postgres://h/hub',
      natsUrl: 'nats://h:4222',
      jwtSecret: 's3cret',
      logLevel: 'debug',
      smtpPort: 2525,
    });
    expect(env).toEqual({
      PORT: '3004',
      DATABASE_URL: 'postgres://h/hub',
      NATS_URL: 'nats://h:4222',
      HUB_NAMESPACE: 'hub',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'development',
      JWT_SECRET: 's3cret',
      FILES_SIGNING_SECRET: filesSigningSecret('s3cret', {}),
      SECRETS_KEY: secretsKey('s3cret', {}),
    });
  });

  it('gives connector-email its SMTP port', () => {
    const email = SERVICES.find((service) => service.name === 'connector-email')!;
    const input = {
      databaseUrl: 'postgres://h/hub',
      natsUrl: 'nats://h:4222',
      jwtSecret: 's3cret',
      logLevel: 'info',
      smtpPort: 12525,
    };
    expect(serviceEnv(email, input).SMTP_PORT).toBe('12525');
  });

  it('derives the file-link secret from the JWT secret unless FILES_SIGNING_SECRET is set', () => {
    expect(filesSigningSecret('s3cret', {})).toMatch(/^[\w-]{43}$/);
    expect(filesSigningSecret('s3cret', {})).not.toBe(filesSigningSecret('other', {}));
    expect(filesSigningSecret('s3cret', { FILES_SIGNING_SECRET: 'given' })).toBe('given');
  });

  it('derives the credentials key from the JWT secret unless SECRETS_KEY is set', () => {
    expect(secretsKey('s3cret', {})).toMatch(/^[\w-]{43}$/);
    expect(secretsKey('s3cret', {})).not.toBe(filesSigningSecret('s3cret', {}));
    expect(secretsKey('s3cret', { SECRETS_KEY: 'given' })).toBe('given');
  });
});
