import { HUB_SERVICES } from '@hub/config';
import { createTestDatabase, ServiceProcess, testRunId, testServices } from '@hub/testing';
import { findFreePort, isPortOpen } from '@hub/dev-infra';
import { TestHub } from '../support/test-hub';

// Another loopback address: Linux routes all of 127.0.0.0/8 to lo, so a service bound to every
// interface answers here and one bound to 127.0.0.1 refuses.
const OTHER_LOCAL_ADDRESS = '127.0.0.2';

function portOf(url: string): number {
  return Number(new URL(url).port);
}

// Every test of this file, the lone processes too, runs on the hub's permissioned NATS.
const namespace = `${testRunId()}_boot`;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let hub: TestHub;

beforeAll(async () => {
  database = await createTestDatabase('boot');
  hub = await TestHub.start({ databaseUrl: database.url, namespace });
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await database?.drop();
});

describe('every service', () => {
  it.each(HUB_SERVICES.map((s) => s.name))('%s is live and ready', async (name) => {
    const service = hub.service(name);
    const live = await fetch(`${service.url}/health/live`);
    expect(live.status).toBe(200);

    const ready = await service.readiness();
    expect(ready).toEqual({
      status: 200,
      body: { status: 'ok', checks: { postgres: 'up', nats: 'up' } },
    });
  });

  it.each(HUB_SERVICES.map((s) => s.name))(
    '%s serves Prometheus metrics on its internal port only',
    async (name) => {
      const service = hub.service(name);

      const metrics = await fetch(await service.metricsUrl());
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain(`process_resident_memory_bytes{service="${name}"}`);

      const onPublicPort = await fetch(`${service.url}/metrics`);
      expect(onPublicPort.status).toBe(404);
    },
  );

  it.each(HUB_SERVICES.map((s) => s.name))(
    '%s listens on 127.0.0.1 only, public and metrics port alike',
    async (name) => {
      const service = hub.service(name);
      const ports = [portOf(service.url), portOf(await service.metricsUrl())];

      for (const port of ports) {
        expect(await isPortOpen('127.0.0.1', port)).toBe(true);
        expect(await isPortOpen(OTHER_LOCAL_ADDRESS, port)).toBe(false);
      }
    },
  );

  it('logs JSON lines naming the service', () => {
    const line = hub.service('crm').logs.find((l) => l.level === 'info');
    expect(line).toMatchObject({ service: 'crm', level: 'info' });
  });

  it('answers an unknown API route with the error shape (other paths are the inbox app)', async () => {
    const response = await fetch(`${hub.service('gateway').url}/api/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, code: 'HTTP_404' });
  });
});

describe('a service started with a bad environment', () => {
  it('stops at once and names each bad variable', async () => {
    const service = new ServiceProcess({
      name: 'routing',
      port: await findFreePort(),
      env: {
        DATABASE_URL: 'mysql://nope',
        NATS_URL: 'http://127.0.0.1:4222',
        HUB_NAMESPACE: 'Bad-Name',
      },
    }).start();

    expect(await service.exited()).toBe(1);
    const stderr = service.stderr.join('\n');
    expect(stderr).toContain('routing: cannot start');
    expect(stderr).toMatch(/DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL/);
    expect(stderr).toMatch(/NATS_URL: NATS_URL must be/);
    expect(stderr).toMatch(/HUB_NAMESPACE: HUB_NAMESPACE must be/);
  });

  it('refuses a gateway without a JWT secret', async () => {
    const service = new ServiceProcess({
      name: 'gateway',
      port: await findFreePort(),
      env: {
        DATABASE_URL: testServices.databaseUrl,
        ...hub.nats.serviceEnv('gateway'),
        JWT_SECRET: '',
      },
    }).start();

    expect(await service.exited()).toBe(1);
    expect(service.stderr.join('\n')).toMatch(
      /JWT_SECRET: JWT_SECRET must be longer than or equal to 32 characters/,
    );
  });
});

describe('a service told HOST=0.0.0.0', () => {
  it('answers on every local address, as in a container', async () => {
    const service = new ServiceProcess({
      name: 'crm',
      port: await findFreePort(),
      env: {
        HOST: '0.0.0.0',
        DATABASE_URL: testServices.databaseUrl,
        ...hub.nats.serviceEnv('crm'),
        HUB_NAMESPACE: namespace,
      },
    }).start();
    try {
      const port = portOf(service.url);
      await service.waitForLog((l) => l.msg === `crm listening on 0.0.0.0:${port}`);

      expect(await isPortOpen(OTHER_LOCAL_ADDRESS, port)).toBe(true);
      expect(await isPortOpen(OTHER_LOCAL_ADDRESS, portOf(await service.metricsUrl()))).toBe(true);
    } finally {
      await service.stop();
    }
  });
});

describe('a service whose database does not answer', () => {
  it('stays up and unready, saying why, while it keeps retrying', async () => {
    const deadPort = await findFreePort();
    const service = new ServiceProcess({
      name: 'crm',
      port: await findFreePort(),
      env: {
        DATABASE_URL: `postgres://postgres@127.0.0.1:${deadPort}/postgres`,
        ...hub.nats.serviceEnv('crm'),
        HUB_NAMESPACE: namespace,
      },
    }).start();
    try {
      await service.waitForLog((l) => /PostgreSQL connection failed/.test(String(l.msg)));
      await service.waitForLog((l) => l.attempt === 2);
      expect(await service.readiness()).toEqual({
        status: 503,
        body: { status: 'unavailable', checks: { postgres: 'down', nats: 'up' } },
      });
    } finally {
      await service.stop();
    }
  });
});
