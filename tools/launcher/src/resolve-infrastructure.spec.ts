import { planInfrastructure, withDatabase } from './resolve-infrastructure';

const base = {
  env: {},
  localPostgresAnswers: false,
  localNatsAnswers: false,
  stateDir: '/repo/.hub',
};

describe('planInfrastructure', () => {
  it('uses DATABASE_URL and NATS_URL when they are set, whatever answers locally', () => {
    const plan = planInfrastructure({
      ...base,
      env: { DATABASE_URL: 'postgres://db/x', NATS_URL: 'nats://n:4222' },
      localPostgresAnswers: true,
      localNatsAnswers: true,
    });
    expect(plan).toEqual({
      postgres: { source: 'env', url: 'postgres://db/x' },
      nats: { source: 'env', url: 'nats://n:4222' },
    });
  });

  it('uses the servers on the default local ports when they answer', () => {
    const plan = planInfrastructure({
      ...base,
      localPostgresAnswers: true,
      localNatsAnswers: true,
    });
    expect(plan).toEqual({
      postgres: { source: 'local', url: 'postgres://postgres@127.0.0.1:5432/postgres' },
      nats: { source: 'local', url: 'nats://127.0.0.1:4222' },
    });
  });

  it('falls back to embedded PostgreSQL and nats-server with their data under .hub/', () => {
    expect(planInfrastructure(base)).toEqual({
      postgres: { source: 'embedded', dataDir: '/repo/.hub/postgres', port: 54329 },
      nats: { source: 'embedded', storeDir: '/repo/.hub/private/nats' },
    });
  });

  it('mixes sources independently', () => {
    const plan = planInfrastructure({
      ...base,
      env: { NATS_URL: 'nats://n:1' },
      localPostgresAnswers: true,
    });
    expect(plan.postgres.source).toBe('local');
    expect(plan.nats.source).toBe('env');
  });
});

describe('withDatabase', () => {
  it('swaps the database and keeps credentials, host and options', () => {
    expect(
      withDatabase('postgres://postgres:pw@127.0.0.1:54329/postgres?sslmode=disable', 'hub'),
    ).toBe('postgres://postgres:pw@127.0.0.1:54329/hub?sslmode=disable');
  });
});
