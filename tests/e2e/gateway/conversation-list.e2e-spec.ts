import { randomUUID } from 'node:crypto';
import type { ConversationListPage, ConversationReadView, TagView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { inboundMessage, publishInbound, storedConversationOf } from '../support/inbound';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { TEST_JWT_SECRET } from './support/tokens';

describe('the conversation list over REST: filters, search, unread counts and tags', () => {
  let suite: HubSuite;
  let publisher: JetStreamPublisher;
  let db: Client;
  let api: GatewayApi;
  let workspace: WorkspaceFixture;
  let elsewhere: WorkspaceFixture;
  let admin: string;
  let agent: string;
  let otherAdmin: string;

  beforeAll(async () => {
    suite = await startHubSuite('convlist', ['gateway', 'routing', 'conversation', 'crm'], {
      JWT_SECRET: TEST_JWT_SECRET,
    });
    api = new GatewayApi(suite.hub.service('gateway').url);
    publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    workspace = await createWorkspace(suite.database.url, {
      root: AgentRole.Admin,
      ada: AgentRole.Agent,
    });
    elsewhere = await createWorkspace(suite.database.url, { boss: AgentRole.Admin });
    const login = (ws: WorkspaceFixture, name: string) =>
      api.login(ws.slug, ws.agents[name].email, ws.agents[name].password);
    [admin, agent, otherAdmin] = await Promise.all([
      login(workspace, 'root'),
      login(workspace, 'ada'),
      login(elsewhere, 'boss'),
    ]);
  }, 90_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  /** A customer (named `name`) writes `content`; the id of the conversation it landed in. */
  async function customerWrites(ws: WorkspaceFixture, name: string, content: string) {
    const message = inboundMessage(
      { workspaceId: ws.id, inboxId: ws.inboxId },
      { customer: { externalId: `visitor-${randomUUID()}`, name }, content },
    );
    await publishInbound(publisher, message);
    return storedConversationOf(db, message);
  }

  const list = (token: string, query: string) =>
    api.call<ConversationListPage>('GET', `/api/v1/conversations?view=all&${query}`, { token });
  const listedIds = async (token: string, query: string) =>
    (await list(token, query)).body.items.map((item) => item.id).sort();

  it('finds a word inside Chinese and Japanese messages, and a customer by the start of their name', async () => {
    const refund = await customerWrites(workspace, 'Ada', '你好，我想申请退款，谢谢');
    const order = await customerWrites(workspace, 'Bob', 'すみません、注文の確認をお願いします');
    const yamada = await customerWrites(workspace, '山田太郎', 'hello');
    await customerWrites(elsewhere, 'Eve', '我也要退款');

    expect(await listedIds(agent, `q=${encodeURIComponent('退款')}`)).toEqual([refund]);
    expect(await listedIds(agent, `q=${encodeURIComponent('注文の確認')}`)).toEqual([order]);
    // crm's customer search is kept up to date from the inbound message's name a moment later.
    await waitFor(
      async () => (await listedIds(agent, `q=${encodeURIComponent('山田')}`)).join() === yamada,
      15_000,
      () => 'the customer named 山田太郎 to be found',
    );
    expect(await list(agent, 'q=')).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect(await list(agent, 'channel=fax')).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        fieldErrors: [expect.objectContaining({ field: 'channel' })],
      },
    });
  });

  it('counts the customer’s messages each agent has not read, and resets them when read', async () => {
    const conversationId = await customerWrites(workspace, 'Cleo', 'first');
    const unread = async (token: string) =>
      (await list(token, 'limit=100')).body.items.find((item) => item.id === conversationId)
        ?.unreadCount;
    expect(await unread(agent)).toBe(1);

    const read = await api.call<ConversationReadView>(
      'POST',
      `/api/v1/conversations/${conversationId}/read`,
      { token: agent, body: {} },
    );
    expect(read).toMatchObject({
      status: 200,
      body: { conversationId, lastReadSeq: 1, unreadCount: 0 },
    });
    expect(await unread(agent)).toBe(0);
    expect(await unread(admin)).toBe(1); // each agent's own
    const notHers = await api.call('POST', `/api/v1/conversations/${conversationId}/read`, {
      token: otherAdmin,
      body: {},
    });
    expect(notHers).toMatchObject({ status: 404, body: { code: 'CONVERSATION_NOT_FOUND' } });
  });

  it('lets admins keep tags, agents tag conversations and filter by them, and no one use another workspace’s', async () => {
    const create = (token: string, body: object) =>
      api.call<TagView>('POST', '/api/v1/tags', { token, body });
    const vip = await create(admin, { name: 'VIP', colour: '#c0392b' });
    const theirs = await create(otherAdmin, { name: 'VIP', colour: '#000000' });
    expect(vip).toMatchObject({ status: 201, body: { name: 'VIP', colour: '#c0392b' } });
    expect(await create(agent, { name: 'Mine', colour: '#000000' })).toMatchObject({
      status: 403,
      body: { code: 'AUTH_FORBIDDEN' },
    });
    expect(await create(admin, { name: 'vip', colour: '#111111' })).toMatchObject({
      status: 409,
      body: { code: 'TAG_NAME_TAKEN' },
    });
    expect(await create(admin, { name: 'Red', colour: 'red' })).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        fieldErrors: [expect.objectContaining({ field: 'colour' })],
      },
    });
    expect((await api.call('GET', '/api/v1/tags', { token: agent })).body).toEqual([vip.body]);

    const tagged = await customerWrites(workspace, 'Dan', 'please tag me');
    const put = (token: string, conversationId: string, tagId: string) =>
      api.call<TagView[]>('PUT', `/api/v1/conversations/${conversationId}/tags/${tagId}`, {
        token,
      });
    expect(await put(agent, tagged, vip.body.id)).toMatchObject({ status: 200, body: [vip.body] });
    expect(await put(agent, tagged, theirs.body.id)).toMatchObject({
      status: 404,
      body: { code: 'TAG_NOT_FOUND' },
    });
    expect(await put(otherAdmin, tagged, theirs.body.id)).toMatchObject({
      status: 404,
      body: { code: 'CONVERSATION_NOT_FOUND' },
    });
    const byTag = await list(agent, `tagId=${vip.body.id}`);
    expect(byTag.body.items.map((item) => [item.id, item.tags])).toEqual([[tagged, [vip.body]]]);

    const renamed = await api.call<TagView>('PATCH', `/api/v1/tags/${vip.body.id}`, {
      token: admin,
      body: { name: 'Gold' },
    });
    expect(renamed.body).toEqual({ ...vip.body, name: 'Gold' });
    expect(
      (await api.call('GET', `/api/v1/conversations/${tagged}/tags`, { token: agent })).body,
    ).toEqual([renamed.body]);
    expect(
      await api.call('DELETE', `/api/v1/conversations/${tagged}/tags/${vip.body.id}`, {
        token: agent,
      }),
    ).toMatchObject({ status: 200, body: [] });
    expect(
      await api.call('DELETE', `/api/v1/tags/${vip.body.id}`, { token: otherAdmin }),
    ).toMatchObject({ status: 404, body: { code: 'TAG_NOT_FOUND' } });
    expect(await api.call('DELETE', `/api/v1/tags/${vip.body.id}`, { token: agent })).toMatchObject(
      { status: 403 },
    );
    expect(await api.call('DELETE', `/api/v1/tags/${vip.body.id}`, { token: admin })).toMatchObject(
      { status: 200 },
    );
  });

  it('pages through the whole list with the cursor each page gives, each conversation once', async () => {
    for (const name of ['Hal', 'Ida', 'Jo']) await customerWrites(workspace, name, 'paging');
    const everything = (await list(agent, 'limit=100')).body;
    expect(everything.nextCursor).toBeNull();
    expect(everything.items.length).toBeGreaterThanOrEqual(3);

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: ConversationListPage } = await list(
        agent,
        `limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(everything.items.map((item) => item.id));

    const foreign = Buffer.from('["2026-01-01T00:00:00Z","not-an-id"]').toString('base64url');
    expect(await list(agent, `cursor=${foreign}`)).toMatchObject({
      status: 400,
      body: { code: 'CURSOR_INVALID' },
    });
    expect(await list(agent, 'cursor=%2F%2F')).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        fieldErrors: [expect.objectContaining({ field: 'cursor' })],
      },
    });
    expect(await list(agent, 'limit=101')).toMatchObject({ status: 400 });
  });

  it('keeps the conversations whose SLA is breached, as the tickets list does', async () => {
    const policy = await api.call('POST', '/api/v1/sla/policies', {
      token: admin,
      body: {
        name: 'Everyone',
        priorities: [],
        categoryIds: [],
        vip: null,
        firstResponseMinutes: 60,
        nextResponseMinutes: null,
        resolutionMinutes: null,
        hours: 'calendar',
      },
    });
    expect(policy.status).toBe(201);
    const late = await customerWrites(workspace, 'Fay', 'waiting long');
    const onTime = await customerWrites(workspace, 'Gus', 'just arrived');
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `select 1 from routing.sla_clocks where subject_id = any($1::uuid[])`,
          [[late, onTime]],
        );
        return rows.length === 2;
      },
      15_000,
      () => 'the first-response clocks to start',
    );
    // As if an hour had passed for the late one: its clock is past due.
    await db.query(
      `update routing.sla_clocks set due_at = now() - interval '1 minute' where subject_id = $1`,
      [late],
    );

    expect(await listedIds(agent, 'sla=breached')).toEqual([late]);
    expect(await list(agent, 'sla=late')).toMatchObject({ status: 400 });

    // Due within N minutes: the next target is ahead and inside the window, not breached.
    const soon = await customerWrites(workspace, 'Hana', 'due soon');
    await waitFor(
      async () =>
        (await db.query(`select 1 from routing.sla_clocks where subject_id = $1`, [soon]))
          .rowCount === 1,
      15_000,
      () => 'the first-response clock of the conversation due soon to start',
    );
    await db.query(
      `update routing.sla_clocks set due_at = now() + interval '10 minutes' where subject_id = $1`,
      [soon],
    );
    expect(await listedIds(agent, 'slaDueWithin=30')).toEqual([soon]);
    expect(await listedIds(agent, 'slaDueWithin=5')).toEqual([]);
    expect(await listedIds(agent, 'slaDueWithin=90')).toEqual([soon, onTime].sort());
    expect(await listedIds(agent, 'slaDueWithin=30&sla=breached')).toEqual([]);
    for (const minutes of ['0', '10081', 'soon'])
      expect(await list(agent, `slaDueWithin=${minutes}`)).toMatchObject({
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          fieldErrors: expect.arrayContaining([
            expect.objectContaining({ field: 'slaDueWithin' }),
          ]) as unknown,
        },
      });
  });
});
