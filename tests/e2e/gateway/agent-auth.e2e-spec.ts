import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { SUBJECTS } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { seedDemoWorkspace, type SeedDemoWorkspaceResult } from '@hub/demo-workspace';
import { createTestDatabase, testRunId, waitFor } from '@hub/testing';
import { nestRequest } from '../support/nest-request';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { decodeClaims, signToken, TEST_JWT_SECRET, unsignedToken } from './support/tokens';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { TestHub } from '../support/test-hub';

const ERROR_KEYS = ['code', 'message', 'status'];

describe('agent authentication at the gateway', () => {
  const namespace = `${testRunId()}_gwauth`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let hub: TestHub;
  let nc: NatsConnection;
  let api: GatewayApi;
  let demo: SeedDemoWorkspaceResult;
  let workspace: WorkspaceFixture;

  beforeAll(async () => {
    database = await createTestDatabase('gwauth');
    demo = await seedDemoWorkspace(database.url);
    workspace = await createWorkspace(database.url, { alice: AgentRole.Agent });
    hub = await TestHub.start({
      databaseUrl: database.url,
      namespace,
      services: ['gateway', 'routing', 'conversation', 'crm'],
      env: {
        JWT_SECRET: TEST_JWT_SECRET,
        JWT_TTL_SECONDS: '3600',
        AGENT_SOCKET_AUTH_TIMEOUT_MS: '1000',
      },
    });
    api = new GatewayApi(hub.service('gateway').url);
    nc = await connect(hub.nats.connectOptions());
  }, 90_000);

  afterAll(async () => {
    await nc?.close();
    await hub?.stop();
    await database?.drop();
  });

  const alice = () => workspace.agents.alice;
  const aliceClaims = () => ({
    sub: alice().id,
    ws: workspace.id,
    role: AgentRole.Agent,
    sid: randomUUID(),
  });

  describe('login', () => {
    it('returns a bearer token naming the agent, its workspace and role, and the agent', async () => {
      const admin = demo.logins.find((login) => login.role === AgentRole.Admin)!;

      const { status, body } = await api.call<Record<string, unknown>>(
        'POST',
        '/api/v1/auth/login',
        {
          body: { workspace: 'demo', email: admin.email.toUpperCase(), password: admin.password },
        },
      );

      expect(status).toBe(200);
      expect(body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 3600,
        refreshToken: expect.any(String) as unknown,
        agent: { email: admin.email, role: 'admin', workspaceId: demo.workspaceId },
      });
      const claims = decodeClaims(body.accessToken as string);
      expect(claims).toMatchObject({
        sub: (body.agent as { id: string }).id,
        ws: demo.workspaceId,
        role: 'admin',
        sid: expect.any(String) as unknown,
      });
      expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    });

    it('refuses a wrong password, an unknown email and an unknown workspace alike', async () => {
      const attempts = [
        { workspace: workspace.slug, email: alice().email, password: 'wrong' },
        { workspace: workspace.slug, email: 'nobody@nowhere.test', password: alice().password },
        { workspace: 'no-such-workspace', email: alice().email, password: alice().password },
      ];

      const answers = await Promise.all(
        attempts.map((body) => api.call('POST', '/api/v1/auth/login', { body })),
      );

      for (const answer of answers) {
        expect(answer.status).toBe(401);
        expect(answer.body).toEqual(answers[0].body);
        expect(answer.body).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS' });
      }
    });

    it('refuses a malformed login with field errors', async () => {
      const { status, body } = await api.call('POST', '/api/v1/auth/login', {
        body: { workspace: 'Not A Slug', email: 'nope', extra: 1 },
      });

      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      const fields = (body as { fieldErrors: { field: string }[] }).fieldErrors.map((e) => e.field);
      expect(new Set(fields)).toEqual(new Set(['workspace', 'email', 'password', 'extra']));
    });
  });

  describe('REST', () => {
    const refusals: [string, () => Record<string, string>, string][] = [
      ['no Authorization header', () => ({}), 'AUTH_TOKEN_MISSING'],
      [
        'a non-bearer Authorization header',
        () => ({ authorization: 'Basic YWxpY2U6c2VjcmV0' }),
        'AUTH_TOKEN_MISSING',
      ],
      [
        'a token that is not a JWT',
        () => ({ authorization: 'Bearer not-a-token' }),
        'AUTH_TOKEN_INVALID',
      ],
      [
        'a token signed with another secret',
        () => ({ authorization: `Bearer ${signToken(aliceClaims(), { secret: 'x'.repeat(64) })}` }),
        'AUTH_TOKEN_INVALID',
      ],
      [
        'an unsigned (alg none) token',
        () => ({ authorization: `Bearer ${unsignedToken(aliceClaims())}` }),
        'AUTH_TOKEN_INVALID',
      ],
      [
        'a token for another audience',
        () => ({
          authorization: `Bearer ${signToken(aliceClaims(), { audience: 'hub-visitor' })}`,
        }),
        'AUTH_TOKEN_INVALID',
      ],
      [
        'a token with a forged role',
        () => ({ authorization: `Bearer ${signToken({ ...aliceClaims(), role: 'root' })}` }),
        'AUTH_TOKEN_INVALID',
      ],
      [
        'an expired token',
        () => ({ authorization: `Bearer ${signToken(aliceClaims(), { expiresInSeconds: -5 })}` }),
        'AUTH_TOKEN_EXPIRED',
      ],
    ];

    it.each(refusals)(
      'refuses %s with 401 and only the error shape',
      async (_what, headers, code) => {
        for (const path of [
          '/api/v1/conversations?view=mine',
          '/api/v1/agents',
          '/api/v1/conversations/not-even-a-uuid',
          // Express matches routes case-insensitively: the guard must too.
          '/API/V1/agents/me',
        ]) {
          const {
            status,
            body,
            headers: responseHeaders,
          } = await api.call('GET', path, { headers: headers() });
          expect(status).toBe(401);
          expect(Object.keys(body as object).sort()).toEqual(ERROR_KEYS);
          expect(body).toMatchObject({ status: 401, code });
          expect(responseHeaders.get('www-authenticate')).toBe('Bearer');
        }
      },
    );

    it('accepts a token the gateway issued', async () => {
      const token = await api.login(workspace.slug, alice().email, alice().password);

      const { status, body } = await api.call('GET', '/api/v1/agents/me', { token });

      expect(status).toBe(200);
      expect(body).toMatchObject({ id: alice().id, workspaceId: workspace.id });
    });

    it('leaves health and the API docs open', async () => {
      for (const path of ['/health/live', '/api/docs', '/api/docs-json']) {
        expect((await fetch(`${api.baseUrl}${path}`)).status).toBe(200);
      }
    });
  });

  describe('agent socket', () => {
    const gatewayUrl = () => hub.service('gateway').url;

    it('becomes ready for a valid token, and routing sees the agent online until it closes', async () => {
      const token = await api.login(workspace.slug, alice().email, alice().password);

      const { client, ready } = await AgentSocketClient.connect(gatewayUrl(), token);

      expect(ready).toMatchObject({
        type: 'ready',
        agent: { id: alice().id, workspaceId: workspace.id },
        heartbeatIntervalMs: 5000,
      });
      expect(typeof ready.connectionId).toBe('string');
      const presence = async () =>
        (await api.call<{ presence: string }>('GET', '/api/v1/agents/me', { token })).body.presence;
      await waitFor(
        async () => (await presence()) === 'online',
        10_000,
        () => 'agent never online',
      );
      client.close();
      await waitFor(
        async () => (await presence()) === 'offline',
        15_000,
        () => 'agent never offline',
      );
    });

    it('closes with 4401 when no auth frame arrives in time', async () => {
      const client = await AgentSocketClient.open(gatewayUrl());

      const closed = await client.closed;

      expect(closed.code).toBe(4401);
      expect(client.framesOf('error')).toEqual([
        expect.objectContaining({ status: 401, code: 'AUTH_TOKEN_MISSING' }),
      ]);
    });

    it('closes with 4401 when the first frame is not auth, doing nothing it asked', async () => {
      const client = await AgentSocketClient.open(gatewayUrl());

      client.send({ type: 'presence.set', presence: 'online', ref: 'p1' });

      expect((await client.closed).code).toBe(4401);
      expect(client.frames).toEqual([
        {
          type: 'error',
          ref: 'p1',
          status: 401,
          code: 'AUTH_TOKEN_MISSING',
          message: expect.any(String) as unknown,
        },
      ]);
    });

    const socketRefusals: [string, () => string, string][] = [
      [
        'a forged token',
        () => signToken(aliceClaims(), { secret: 'y'.repeat(64) }),
        'AUTH_TOKEN_INVALID',
      ],
      ['an unsigned token', () => unsignedToken(aliceClaims()), 'AUTH_TOKEN_INVALID'],
      [
        'an expired token',
        () => signToken(aliceClaims(), { expiresInSeconds: -5 }),
        'AUTH_TOKEN_EXPIRED',
      ],
    ];

    it.each(socketRefusals)(
      'answers %s with an error frame and closes with 4401',
      async (_what, token, code) => {
        const client = await AgentSocketClient.open(gatewayUrl());

        client.send({ type: 'auth', token: token(), ref: 'a1' });

        expect((await client.closed).code).toBe(4401);
        expect(client.frames).toEqual([
          { type: 'error', ref: 'a1', status: 401, code, message: expect.any(String) as unknown },
        ]);
      },
    );

    it('closes a socket with 4401 when its token expires', async () => {
      const { client } = await AgentSocketClient.connect(
        gatewayUrl(),
        signToken(aliceClaims(), { expiresInSeconds: 2 }),
      );

      const closed = await client.closed;

      expect(closed.code).toBe(4401);
      expect(client.framesOf('error')).toEqual([
        expect.objectContaining({ status: 401, code: 'AUTH_TOKEN_EXPIRED' }),
      ]);
    });

    it('refuses a second auth frame on an authenticated socket', async () => {
      const token = await api.login(workspace.slug, alice().email, alice().password);
      const { client } = await AgentSocketClient.connect(gatewayUrl(), token);

      const reply = await client.request({ type: 'auth', token });

      expect(reply).toMatchObject({
        type: 'error',
        status: 409,
        code: 'SOCKET_ALREADY_AUTHENTICATED',
      });
      client.close();
    });

    it('answers malformed frames with an error and stays open', async () => {
      const token = await api.login(workspace.slug, alice().email, alice().password);
      const { client } = await AgentSocketClient.connect(gatewayUrl(), token);

      client.sendRaw('{not json');
      client.send({ type: 'ping', ref: '' });
      const unknown = await client.request({ type: 'conversation.delete' });
      const pong = await client.request({ type: 'ping' });

      expect(client.frames).toContainEqual(
        expect.objectContaining({ type: 'error', status: 400, code: 'FRAME_MALFORMED' }),
      );
      // An empty ref is refused, as on the visitor socket: the ping it was on is not answered.
      expect(client.frames).toContainEqual(
        expect.objectContaining({
          type: 'error',
          status: 400,
          code: 'VALIDATION_FAILED',
          fieldErrors: [expect.objectContaining({ field: 'ref' })],
        }),
      );
      expect(client.framesOf('pong')).toHaveLength(1);
      expect(unknown).toMatchObject({
        type: 'error',
        status: 400,
        code: 'UNKNOWN_FRAME_TYPE',
        fieldErrors: [expect.objectContaining({ field: 'type' })],
      });
      expect(pong).toMatchObject({ type: 'pong' });
      client.close();
    });
  });

  // Last: it stops the gateway.
  it('closes agent sockets with 1001 on SIGTERM, tells routing, and exits 0', async () => {
    const token = await api.login(workspace.slug, alice().email, alice().password);
    const { client } = await AgentSocketClient.connect(hub.service('gateway').url, token);
    const agent = () =>
      nestRequest(nc, namespace, SUBJECTS.routing.getAgent, {
        workspaceId: workspace.id,
        agentId: alice().id,
      });
    await waitFor(async () => (await agent()).presence === 'online', 10_000);

    const exitCode = await hub.service('gateway').stop('SIGTERM');

    expect((await client.closed).code).toBe(1001);
    expect(exitCode).toBe(0);
    expect((await agent()).presence).toBe('offline');
  });
});
