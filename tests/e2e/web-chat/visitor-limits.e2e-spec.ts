import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '@hub/dev-infra';
import { createTestDatabase, ServiceProcess, testRunId, waitFor } from '@hub/testing';
import { Client } from 'pg';
import { createWorkspaceWithInbox } from '../support/inbound';
import { VisitorClient, type Frame, type VisitorSession } from '../support/visitor-client';
import { TestHub } from '../support/test-hub';

const SESSIONS_PER_IP = 3;
const MESSAGES_PER_SECOND = 3;
const MESSAGES_PER_MINUTE = 5;
const LIMITS_ENV = {
  SESSION_MINT_MAX_PER_IP: String(SESSIONS_PER_IP),
  SESSION_MINT_WINDOW_SECONDS: '2',
  VISITOR_MESSAGES_PER_SECOND: String(MESSAGES_PER_SECOND),
  VISITOR_MESSAGES_PER_MINUTE: String(MESSAGES_PER_MINUTE),
};

interface SessionAnswer {
  status: number;
  body: Partial<VisitorSession> & { code?: string; retryAfterMs?: number };
  retryAfter: string | null;
}

describe('visitor limits of connector-web', () => {
  const namespace = `${testRunId()}_visitorlimits`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let hub: TestHub;
  let db: Client;
  let inboxId: string;
  let web: string;
  let untrusting: ServiceProcess;
  const clients: VisitorClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('visitorlimits');
    hub = await TestHub.start({
      databaseUrl: database.url,
      namespace,
      services: ['conversation', 'crm', 'connector-web'],
      // Each test is its own client IP (X-Forwarded-For from the loopback test runner).
      env: { ...LIMITS_ENV, TRUST_PROXY: 'loopback' },
    });
    web = hub.service('connector-web').url;
    // A replica with the default TRUST_PROXY, which must not believe X-Forwarded-For.
    untrusting = new ServiceProcess({
      name: 'connector-web',
      port: await findFreePort(),
      env: {
        DATABASE_URL: database.url,
        ...hub.nats.serviceEnv('connector-web'),
        HUB_NAMESPACE: namespace,
        ...LIMITS_ENV,
      },
    }).start();
    await untrusting.waitUntilReady();
    db = new Client({ connectionString: database.url });
    await db.connect();
    ({ inboxId } = await createWorkspaceWithInbox(database.url));
  }, 60_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await db?.end();
    await untrusting?.stop();
    await hub?.stop();
    await database?.drop();
  });

  async function requestSession(ip: string, baseUrl = web): Promise<SessionAnswer> {
    const response = await fetch(`${baseUrl}/api/v1/widget/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ inboxId }),
    });
    return {
      status: response.status,
      body: (await response.json()) as SessionAnswer['body'],
      retryAfter: response.headers.get('retry-after'),
    };
  }

  /** A greeted visitor whose session came from an IP of its own. */
  async function visitor(): Promise<VisitorClient> {
    const { body } = await requestSession(`10.${randomInt(256)}.${randomInt(256)}.1`);
    const { client } = await VisitorClient.greeted(web, { token: body.token! });
    clients.push(client);
    return client;
  }

  const send = (client: VisitorClient, clientMessageId: string) =>
    client.send({ type: 'message.send', ref: clientMessageId, clientMessageId, content: 'hi' });

  const refusalOf = (client: VisitorClient, ref: string) =>
    client.next((f) => f.type === 'error' && f.ref === ref);

  const acked = (client: VisitorClient, ids: string[]) =>
    waitFor(
      () => ids.every((id) => client.frames.some((f) => isAck(f, id))),
      15_000,
      () => `not all of ${ids.join(', ')} acked: ${JSON.stringify(client.frames)}`,
    );

  const stored = async (ids: string[]) =>
    (
      await db.query<{ client_message_id: string }>(
        `SELECT client_message_id FROM conversation.messages WHERE client_message_id = ANY($1)`,
        [ids],
      )
    ).rows.map((row) => row.client_message_id);

  it('refuses sessions from one IP past its limit with 429 and Retry-After, other IPs still served, until the window ends', async () => {
    const ip = '198.51.100.1';
    for (let i = 0; i < SESSIONS_PER_IP; i++) expect((await requestSession(ip)).status).toBe(201);

    const refused = await requestSession(ip);

    expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.token).toBeUndefined();
    expect((await requestSession('198.51.100.2')).status).toBe(201);
    await sleep(refused.body.retryAfterMs! + 100);
    expect((await requestSession(ip)).status).toBe(201);
  });

  it('counts sessions by the peer address, not a claimed X-Forwarded-For, unless TRUST_PROXY says so', async () => {
    const claims = Array.from({ length: SESSIONS_PER_IP + 1 }, (_, i) => `192.0.2.${i + 1}`);

    const answers = [];
    for (const ip of claims) answers.push((await requestSession(ip, untrusting.url)).status);

    expect(answers).toEqual([...Array<number>(SESSIONS_PER_IP).fill(201), 429]);
  });

  it('answers sends past the per-second limit with RATE_LIMITED, accepts and stores none of them, and accepts again after the window', async () => {
    const client = await visitor();
    const ids = Array.from({ length: MESSAGES_PER_SECOND + 1 }, () => randomUUID());
    const [over] = ids.slice(MESSAGES_PER_SECOND);
    const admitted = ids.slice(0, MESSAGES_PER_SECOND);

    for (const id of ids) send(client, id);

    const refusal = await refusalOf(client, over);
    expect(refusal).toMatchObject({ type: 'error', status: 429, code: 'RATE_LIMITED' });
    expect(refusal.retryAfterMs).toBeGreaterThan(0);
    expect(refusal.retryAfterMs).toBeLessThanOrEqual(1_000);
    await acked(client, admitted);
    expect(client.frames.some((f) => f.type === 'message.accepted' && f.ref === over)).toBe(false);
    expect((await stored(ids)).sort()).toEqual([...admitted].sort());

    await sleep((refusal.retryAfterMs as number) + 100);
    const later = randomUUID();
    send(client, later);
    await acked(client, [later]);
  });

  it('refuses the sends past the per-minute limit even when each second is within its own', async () => {
    const client = await visitor();
    const first = Array.from({ length: MESSAGES_PER_SECOND }, () => randomUUID());
    for (const id of first) send(client, id);
    await acked(client, first);
    // A fresh second, so only the minute's count can refuse.
    await sleep(1_100);

    const second = Array.from({ length: MESSAGES_PER_SECOND }, () => randomUUID());
    for (const id of second) send(client, id);

    const within = second.slice(0, MESSAGES_PER_MINUTE - MESSAGES_PER_SECOND);
    const [over] = second.slice(MESSAGES_PER_MINUTE - MESSAGES_PER_SECOND);
    const refusal = await refusalOf(client, over);
    expect(refusal).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refusal.retryAfterMs).toBeGreaterThan(1_000);
    await acked(client, within);
    expect(await stored([over])).toEqual([]);
  });
});

function isAck(frame: Frame, clientMessageId: string): boolean {
  return frame.type === 'message.ack' && frame.clientMessageId === clientMessageId;
}
