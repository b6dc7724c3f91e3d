import { randomUUID } from 'node:crypto';
import { AgentRole } from '@hub/domain';
import { JetStreamPublisher } from '@hub/messaging';
import { Client } from 'pg';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { visitorWrites } from './support/conversations';
import { startSecondGateway } from './support/second-gateway';
import { signToken, TEST_JWT_SECRET } from './support/tokens';
import { startHubSuite, type HubSuite } from '../support/hub-suite';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

// The promise: a revoked session is refused on REST and its socket closed within a second.
const WITHIN_MS = 1_000;

describe('ending agent sessions: logout, refresh rotation, agents changed by an admin', () => {
  let suite: HubSuite;
  let db: Client;
  let api: GatewayApi;
  const sockets: AgentSocketClient[] = [];

  beforeAll(async () => {
    suite = await startHubSuite('gwrevoke', ['gateway', 'routing', 'conversation', 'crm'], {
      JWT_SECRET: TEST_JWT_SECRET,
    });
    api = new GatewayApi(suite.hub.service('gateway').url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  }, 90_000);

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  const login = async (workspace: WorkspaceFixture, name: string): Promise<Tokens> => {
    const { email, password } = workspace.agents[name];
    const { status, body } = await api.call<Tokens>('POST', '/api/v1/auth/login', {
      body: { workspace: workspace.slug, email, password },
    });
    if (status !== 200) throw new Error(`login failed: ${status} ${JSON.stringify(body)}`);
    return body;
  };
  const refresh = (refreshToken: string) =>
    api.call<Tokens & { code?: string }>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken },
    });
  const me = (token: string) =>
    api.call<{ code?: string; role?: string }>('GET', '/api/v1/agents/me', { token });
  const openSocket = async (token: string) => {
    const { client } = await AgentSocketClient.connect(suite.hub.service('gateway').url, token);
    sockets.push(client);
    return client;
  };
  /** How long after `since` the socket closed, and with which code. */
  const closeOf = async (socket: AgentSocketClient, since: number) => {
    const { code } = await socket.closed;
    return { code, afterMs: Date.now() - since };
  };

  it('logs out: the access token is refused on REST, the socket closes with 4401 and the refresh token is dead', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const session = await login(workspace, 'alice');
    const other = await login(workspace, 'alice');
    const socket = await openSocket(session.accessToken);

    const loggedOutAt = Date.now();
    const logout = await api.call('POST', '/api/v1/auth/logout', { token: session.accessToken });

    expect(logout.status).toBe(204);
    expect(await me(session.accessToken)).toMatchObject({
      status: 401,
      body: { code: 'AUTH_SESSION_REVOKED' },
    });
    const closed = await closeOf(socket, loggedOutAt);
    expect(closed.code).toBe(4401);
    expect(closed.afterMs).toBeLessThan(WITHIN_MS);
    expect(socket.framesOf('error')).toEqual([
      expect.objectContaining({ status: 401, code: 'AUTH_SESSION_REVOKED' }),
    ]);
    expect(await refresh(session.refreshToken)).toMatchObject({
      status: 401,
      body: { code: 'AUTH_REFRESH_INVALID' },
    });
    const refused = await AgentSocketClient.open(suite.hub.service('gateway').url);
    sockets.push(refused);
    expect(await refused.request({ type: 'auth', token: session.accessToken })).toMatchObject({
      type: 'error',
      code: 'AUTH_SESSION_REVOKED',
    });
    // Only that session ended: the agent's other login still works.
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('rotates the refresh token on every use; reusing a spent one revokes the whole family', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const first = await login(workspace, 'alice');

    const second = await refresh(first.refreshToken);
    const third = await refresh(second.body.refreshToken);

    expect(first.expiresIn).toBe(900);
    expect(second).toMatchObject({ status: 200, body: { expiresIn: 900, tokenType: 'Bearer' } });
    expect(third.status).toBe(200);
    expect(new Set([first, second.body, third.body].map((t) => t.refreshToken)).size).toBe(3);
    expect((await me(third.body.accessToken)).status).toBe(200);
    const socket = await openSocket(third.body.accessToken);

    const reusedAt = Date.now();
    const reuse = await refresh(first.refreshToken);

    expect(reuse).toMatchObject({ status: 401, body: { code: 'AUTH_REFRESH_REUSED' } });
    expect(await me(third.body.accessToken)).toMatchObject({
      status: 401,
      body: { code: 'AUTH_SESSION_REVOKED' },
    });
    expect(await refresh(third.body.refreshToken)).toMatchObject({
      status: 401,
      body: { code: 'AUTH_REFRESH_INVALID' },
    });
    const closed = await closeOf(socket, reusedAt);
    expect(closed).toMatchObject({ code: 4401 });
    expect(closed.afterMs).toBeLessThan(WITHIN_MS);
  });

  it('refuses a session logged out on one gateway replica on another within a second, and closes its socket there', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const other = await startSecondGateway(suite);
    try {
      const session = await login(workspace, 'alice');
      const { client: socket } = await AgentSocketClient.connect(other.url, session.accessToken);
      sockets.push(socket);
      const otherApi = new GatewayApi(other.url);
      expect(
        (await otherApi.call('GET', '/api/v1/agents/me', { token: session.accessToken })).status,
      ).toBe(200);

      const loggedOutAt = Date.now();
      await api.call('POST', '/api/v1/auth/logout', { token: session.accessToken });

      const closed = await closeOf(socket, loggedOutAt);
      expect(closed.code).toBe(4401);
      expect(closed.afterMs).toBeLessThan(WITHIN_MS);
      expect(
        await otherApi.call('GET', '/api/v1/agents/me', { token: session.accessToken }),
      ).toMatchObject({
        status: 401,
        body: { code: 'AUTH_SESSION_REVOKED' },
      });
    } finally {
      await other.stop();
    }
  });

  it('lets only an admin change agents; a deactivated agent is refused on REST and socket within a second', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      alice: AgentRole.Agent,
      sue: AgentRole.Supervisor,
      ada: AgentRole.Admin,
    });
    const alice = await login(workspace, 'alice');
    const sue = await login(workspace, 'sue');
    const ada = await login(workspace, 'ada');
    const socket = await openSocket(alice.accessToken);
    const path = `/api/v1/agents/${workspace.agents.alice.id}`;

    const bySupervisor = await api.call('DELETE', path, { token: sue.accessToken });
    expect(bySupervisor).toMatchObject({ status: 403, body: { code: 'ROUTING_ADMIN_ONLY' } });
    expect((await me(alice.accessToken)).status).toBe(200);

    const removedAt = Date.now();
    const removed = await api.call('DELETE', path, { token: ada.accessToken });

    expect(removed).toMatchObject({
      status: 200,
      body: { id: workspace.agents.alice.id, active: false },
    });
    expect(await me(alice.accessToken)).toMatchObject({
      status: 401,
      body: { code: 'AUTH_SESSION_REVOKED' },
    });
    const closed = await closeOf(socket, removedAt);
    expect(closed).toMatchObject({ code: 4401 });
    expect(closed.afterMs).toBeLessThan(WITHIN_MS);
    expect(await refresh(alice.refreshToken)).toMatchObject({ status: 401 });
    const again = await api.call('POST', '/api/v1/auth/login', {
      body: {
        workspace: workspace.slug,
        email: workspace.agents.alice.email,
        password: workspace.agents.alice.password,
      },
    });
    expect(again).toMatchObject({ status: 401, body: { code: 'AUTH_INVALID_CREDENTIALS' } });
  });

  /** The session still works: REST answers and the socket answers a ping. */
  const stillWorks = async (token: string, socket: AgentSocketClient) => {
    expect((await me(token)).status).toBe(200);
    expect(await socket.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  };

  it('refuses a change naming neither role nor active, and ends no session for a change that changes nothing', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      alice: AgentRole.Agent,
      ada: AgentRole.Admin,
    });
    const alice = await login(workspace, 'alice');
    const ada = await login(workspace, 'ada');
    const socket = await openSocket(alice.accessToken);
    const path = `/api/v1/agents/${workspace.agents.alice.id}`;

    const empty = await api.call('PATCH', path, { token: ada.accessToken, body: {} });
    const same = await api.call('PATCH', path, {
      token: ada.accessToken,
      body: { role: AgentRole.Agent, active: true },
    });

    expect(empty).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(same).toMatchObject({
      status: 200,
      body: { id: workspace.agents.alice.id, role: 'agent', active: true },
    });
    await stillWorks(alice.accessToken, socket);
  });

  it('refuses to demote or remove the last active admin, whose sessions go on; with a second admin it may step down', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      alice: AgentRole.Agent,
      ada: AgentRole.Admin,
    });
    const ada = await login(workspace, 'ada');
    const socket = await openSocket(ada.accessToken);
    const self = `/api/v1/agents/${workspace.agents.ada.id}`;

    const demoted = await api.call('PATCH', self, {
      token: ada.accessToken,
      body: { role: AgentRole.Supervisor },
    });
    const removed = await api.call('DELETE', self, { token: ada.accessToken });

    for (const refused of [demoted, removed]) {
      expect(refused).toMatchObject({ status: 409, body: { code: 'ROUTING_LAST_ADMIN' } });
    }
    await stillWorks(ada.accessToken, socket);
    expect((await me(ada.accessToken)).body).toMatchObject({ role: 'admin' });

    const promoted = await api.call('PATCH', `/api/v1/agents/${workspace.agents.alice.id}`, {
      token: ada.accessToken,
      body: { role: AgentRole.Admin },
    });
    expect(promoted).toMatchObject({ status: 200, body: { role: 'admin' } });
    expect(
      await api.call('PATCH', self, { token: ada.accessToken, body: { role: AgentRole.Agent } }),
    ).toMatchObject({ status: 200, body: { role: 'agent' } });
  });

  it('ends a demoted supervisor’s sessions, and conversation judges by the role routing holds now, not the token’s', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      sue: AgentRole.Supervisor,
      ada: AgentRole.Admin,
    });
    const publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    const sue = await login(workspace, 'sue');
    const ada = await login(workspace, 'ada');
    // Nobody is online: the conversation waits unassigned, so only a supervisor may answer it.
    const conversation = await visitorWrites(db, publisher, workspace);
    const reply = (token: string) =>
      api.call<{ code?: string }>('POST', `/api/v1/conversations/${conversation.id}/messages`, {
        token,
        body: { clientMessageId: randomUUID(), content: 'Hello from a supervisor' },
      });
    expect((await reply(sue.accessToken)).status).toBe(200);

    const demoted = await api.call('PATCH', `/api/v1/agents/${workspace.agents.sue.id}`, {
      token: ada.accessToken,
      body: { role: AgentRole.Agent },
    });

    expect(demoted).toMatchObject({ status: 200, body: { role: 'agent', active: true } });
    expect(await reply(sue.accessToken)).toMatchObject({
      status: 401,
      body: { code: 'AUTH_SESSION_REVOKED' },
    });
    const relogged = await login(workspace, 'sue');
    expect(await me(relogged.accessToken)).toMatchObject({ status: 200, body: { role: 'agent' } });
    expect(await reply(relogged.accessToken)).toMatchObject({
      status: 403,
      body: { code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU' },
    });
    // A token still claiming "supervisor" (as one minted before the demotion would) gains nothing.
    const stale = signToken({
      sub: workspace.agents.sue.id,
      ws: workspace.id,
      role: AgentRole.Supervisor,
      sid: randomUUID(),
    });
    expect(await reply(stale)).toMatchObject({
      status: 403,
      body: { code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU' },
    });
  });
});
