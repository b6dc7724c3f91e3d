import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '@hub/dev-infra';
import { AgentRole } from '@hub/domain';
import { LIMITS_SETTLE_MS } from '@hub/rate-limits';
import { createTestDatabase, ServiceProcess, testRunId, waitFor, withClient } from '@hub/testing';
import { GatewayApi } from '../support/gateway-api';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { TestHub } from '../support/test-hub';

const MAX_FAILURES = 3;
const LOCKOUT_SECONDS = 2;
const IP_MAX_ATTEMPTS = 6;
const AGENT_MESSAGES_PER_MINUTE = 2;

// Tiny windows so a test can wait one out. TRUST_PROXY lets each test be its own client IP
// (X-Forwarded-For from the loopback test runner), so the per-IP count of one test is not
// spent by another.
const LIMITS_ENV = {
  LOGIN_ACCOUNT_MAX_FAILURES: String(MAX_FAILURES),
  LOGIN_ACCOUNT_FAILURE_WINDOW_SECONDS: '60',
  LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS),
  LOGIN_LOCKOUT_MAX_SECONDS: '60',
  LOGIN_IP_MAX_ATTEMPTS: String(IP_MAX_ATTEMPTS),
  LOGIN_IP_WINDOW_SECONDS: '2',
  TRUST_PROXY: 'loopback',
  // The minute's budget is the one spent below: a second's window could end between a replica's
  // hit and its settle on a loaded machine, and the count would start again.
  AGENT_MESSAGES_PER_SECOND: '100',
  AGENT_MESSAGES_PER_MINUTE: String(AGENT_MESSAGES_PER_MINUTE),
};

interface Attempt {
  status: number;
  body: { code?: string; retryAfterMs?: number; accessToken?: string };
  retryAfter: string | null;
}

describe('gateway limits shared by two replicas', () => {
  const namespace = `${testRunId()}_gatewaylimits`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let hub: TestHub;
  let secondGateway: ServiceProcess;
  let replicas: GatewayApi[];
  let workspace: WorkspaceFixture;

  beforeAll(async () => {
    database = await createTestDatabase('gatewaylimits');
    workspace = await createWorkspace(database.url, {
      alice: AgentRole.Agent,
      bob: AgentRole.Agent,
      carol: AgentRole.Agent,
      dave: AgentRole.Agent,
    });
    const env = { JWT_SECRET: randomBytes(32).toString('hex'), ...LIMITS_ENV };
    hub = await TestHub.start({
      databaseUrl: database.url,
      namespace,
      services: ['gateway', 'routing', 'conversation'],
      env,
    });
    secondGateway = new ServiceProcess({
      name: 'gateway',
      port: await findFreePort(),
      env: {
        DATABASE_URL: database.url,
        ...hub.nats.serviceEnv('gateway'),
        HUB_NAMESPACE: namespace,
        ...env,
      },
    }).start();
    await secondGateway.waitUntilReady();
    replicas = [hub.service('gateway'), secondGateway].map((g) => new GatewayApi(g.url));
  }, 90_000);

  afterAll(async () => {
    await secondGateway?.stop();
    await hub?.stop();
    await database?.drop();
  });

  let attempts = 0;
  /** A login on the replicas in turn, from the given client IP. */
  async function login(ip: string, body: object): Promise<Attempt> {
    const api = replicas[attempts++ % replicas.length];
    const {
      status,
      body: answer,
      headers,
    } = await api.call<Attempt['body']>('POST', '/api/v1/auth/login', {
      body,
      headers: { 'x-forwarded-for': ip },
    });
    return { status, body: answer, retryAfter: headers.get('retry-after') };
  }

  const credentialsOf = (name: string): [string, string, string] => [
    workspace.slug,
    workspace.agents[name].email,
    workspace.agents[name].password,
  ];

  const credentials = (name: string, password?: string) => ({
    workspace: workspace.slug,
    email: workspace.agents[name].email,
    password: password ?? workspace.agents[name].password,
  });

  describe('login', () => {
    it('locks an account after wrong passwords on either replica, refusing even the right password until the lock ends', async () => {
      const ip = '203.0.113.1';
      for (let i = 0; i < MAX_FAILURES; i++) {
        expect((await login(ip, credentials('alice', 'wrong'))).status).toBe(401);
      }

      const locked = await login(ip, credentials('alice'));

      expect(locked).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
      expect(Number(locked.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(locked.retryAfter)).toBeLessThanOrEqual(LOCKOUT_SECONDS);
      expect(locked.body.retryAfterMs).toBeGreaterThan(0);
      expect((await login(ip, credentials('alice'))).status).toBe(429);

      await sleep(locked.body.retryAfterMs! + 100);
      const after = await login(ip, credentials('alice'));
      expect(after.status).toBe(200);
      expect(after.body.accessToken).toEqual(expect.any(String));
    });

    it('doubles the lock of an account that is locked again', async () => {
      const ip = '203.0.113.2';
      const lockBob = async () => {
        for (let i = 0; i < MAX_FAILURES; i++) await login(ip, credentials('bob', 'wrong'));
        return login(ip, credentials('bob', 'wrong'));
      };
      const first = await lockBob();
      expect(first.status).toBe(429);
      await sleep(first.body.retryAfterMs! + 100);

      const second = await lockBob();

      expect(second.status).toBe(429);
      expect(Number(second.retryAfter)).toBeGreaterThan(LOCKOUT_SECONDS);
    });

    it('counts every attempt of a client IP on either replica, refusing it past the limit until its window ends', async () => {
      const ip = '203.0.113.3';
      // Malformed (no password) is quick, so the attempts fit in the window; they count all the same.
      const malformed = { workspace: workspace.slug, email: workspace.agents.alice.email };
      for (let i = 0; i < IP_MAX_ATTEMPTS; i++)
        expect((await login(ip, malformed)).status).toBe(400);

      const refused = await login(ip, credentials('alice'));

      expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect((await login('203.0.113.4', malformed)).status).toBe(400);
      await sleep(refused.body.retryAfterMs! + 100);
      expect((await login(ip, credentials('alice'))).status).toBe(200);
    });
  });

  describe('agent replies', () => {
    // No such conversation: within the limit conversation answers 404, past it the gateway 429.
    const reply = (api: GatewayApi, token: string) =>
      api.call<Attempt['body']>('POST', `/api/v1/conversations/${randomUUID()}/messages`, {
        token,
        body: { clientMessageId: randomUUID(), content: 'hello' },
      });

    // Replies are counted in memory and settled between replicas every LIMITS_SETTLE_MS: a
    // replica learns a key's cluster-wide count when it settles its own hits on it. That a window
    // ends and a new one starts is shown by the login tests above and by SharedCounters' own
    // (libs/rate-limits/test); this minute's window outlasts the test.
    it('refuses an agent past their limit on the other replica once the counts are settled, and no other agent', async () => {
      const carol = await replicas[0].login(...credentialsOf('carol'));
      const dave = await replicas[1].login(...credentialsOf('dave'));
      const key = `agent-messages:60s:${workspace.agents.carol.id}`;
      const settledTo = (points: number) =>
        waitFor(
          async () =>
            (
              await withClient(database.url, (db) =>
                db.query(`select 1 from gateway.rate_limits where key = $1 and points = $2`, [
                  key,
                  points,
                ]),
              )
            ).rowCount === 1,
          2 * LIMITS_SETTLE_MS + 1_000,
          () => `${key} settled to ${points}`,
        );
      // A hit on the first replica, settled.
      expect((await reply(replicas[0], carol)).status).toBe(404);
      await settledTo(1);
      // One on the second: under the limit there alone; its settle reads back both.
      expect((await reply(replicas[1], carol)).status).toBe(404);
      await settledTo(2);

      const refused = await reply(replicas[1], carol);

      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await reply(replicas[1], dave)).status).toBe(404);
    });
  });
});
