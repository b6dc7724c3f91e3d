import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AgentRole } from '@hub/domain';
import { createTestDatabase, testRunId } from '@hub/testing';
import { GatewayApi } from '../support/gateway-api';
import { newSession, postSession, VisitorClient } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { TestHub } from '../support/test-hub';

// Short enough to wait out in a test; last_seen_at is then written at most every 0.2 s.
const IDLE_SECONDS = 2;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('visitor tokens expire when idle and can be revoked', () => {
  const namespace = `${testRunId()}_visrevoke`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let hub: TestHub;
  let nc: NatsConnection;
  let web: string;
  let api: GatewayApi;
  let workspace: WorkspaceFixture;
  const clients: VisitorClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('visitor_revocation');
    hub = await TestHub.start({
      databaseUrl: database.url,
      namespace,
      services: ['gateway', 'routing', 'conversation', 'crm', 'connector-web'],
      env: { VISITOR_TOKEN_IDLE_SECONDS: String(IDLE_SECONDS), JWT_SECRET: 'j'.repeat(64) },
    });
    web = hub.service('connector-web').url;
    api = new GatewayApi(hub.service('gateway').url);
    nc = await connect(hub.nats.connectOptions());
    workspace = await createWorkspace(database.url, { alice: AgentRole.Agent });
  }, 90_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await nc?.close();
    await hub?.stop();
    await database?.drop();
  });

  const greeted = async (token: string) => {
    const greeting = await VisitorClient.greeted(web, { token });
    clients.push(greeting.client);
    return greeting.client;
  };
  /** A hello with `token`; resolves with the refusal and the close code. */
  const refusedHello = async (token: string) => {
    const client = await VisitorClient.connect(web);
    clients.push(client);
    client.send({ type: 'hello', token });
    const error = await client.next((f) => f.type === 'error');
    return { error, closed: (await client.closed).code };
  };
  const loginAs = (agents: WorkspaceFixture, name: string) =>
    api.login(agents.slug, agents.agents[name].email, agents.agents[name].password);

  it('keeps a token in use alive past the idle period, and refuses it once idle that long', async () => {
    const session = await newSession(web, workspace.inboxId);

    // Used every 1.2 s, the token outlives the 2 s idle period.
    for (let use = 0; use < 3; use++) {
      await (await greeted(session.token)).close();
      await pause(1_200);
    }
    await pause((IDLE_SECONDS + 0.5) * 1000);

    expect(await refusedHello(session.token)).toEqual({
      error: expect.objectContaining({ status: 401, code: 'INVALID_VISITOR_TOKEN' }) as unknown,
      closed: 4401,
    });
    // The widget's returning-visitor request gets a new visitor, not the expired one.
    const again = await postSession(web, {
      inboxId: workspace.inboxId,
      visitorId: session.visitorId,
      token: session.token,
    });
    expect(again.status).toBe(201);
    expect(again.body.visitorId).not.toBe(session.visitorId);
  });

  it('lets an agent revoke a visitor’s sessions: the open socket closes at once and the token is refused', async () => {
    const session = await newSession(web, workspace.inboxId);
    const socket = await greeted(session.token);
    const elsewhere = await createWorkspace(database.url, { mallory: AgentRole.Admin });
    const path = `/api/v1/visitors/${session.visitorId}/sessions`;

    // An agent of another workspace reaches nothing.
    const foreign = await api.call('DELETE', path, { token: await loginAs(elsewhere, 'mallory') });
    expect(foreign).toMatchObject({ status: 200, body: { revoked: 0 } });
    // A round trip on the socket after the answer: a close the foreign request caused comes first.
    socket.send({ type: 'ping', ref: 'after-foreign' });
    await socket.next((frame) => frame.type === 'pong');
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);

    // Signed in first: the clock below times the revocation, not a password hash under load.
    const alice = await loginAs(workspace, 'alice');
    const revokedAt = Date.now();
    const revoked = await api.call('DELETE', path, { token: alice });

    expect(revoked).toMatchObject({ status: 200, body: { revoked: 1 } });
    expect((await socket.closed).code).toBe(4401);
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
    expect(socket.of('error')).toEqual([
      expect.objectContaining({ status: 401, code: 'INVALID_VISITOR_TOKEN' }),
    ]);
    expect(await refusedHello(session.token)).toMatchObject({ closed: 4401 });
  });
});
