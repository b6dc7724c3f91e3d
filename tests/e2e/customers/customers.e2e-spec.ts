import { randomUUID } from 'node:crypto';
import type {
  AttributeDefinitionView,
  CustomerChanged,
  CustomerPage,
  CustomerView,
  NoteView,
  PutOrderReply,
  TimelineItem,
  TimelinePage,
} from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { JetStreamPublisher, namespacedSubject } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { visitorWrites } from '../gateway/support/conversations';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

describe('customers through the gateway: the record, its activity and its timeline', () => {
  let suite: HubSuite;
  let api: GatewayApi;
  let publisher: JetStreamPublisher;
  let db: Client;

  beforeAll(async () => {
    suite = await startHubSuite('customers', [
      'gateway',
      'routing',
      'conversation',
      'crm',
      'connector-web',
    ]);
    api = new GatewayApi(suite.hub.service('gateway').url);
    publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  async function as(workspace: WorkspaceFixture, name: string) {
    const agent = workspace.agents[name];
    const token = await api.login(workspace.slug, agent.email, agent.password);
    return <T>(method: string, path: string, body?: unknown) =>
      api.call<T>(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  }

  it('lets a supervisor define attributes and agents keep a typed, tagged, VIP record', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      sam: AgentRole.Supervisor,
      alice: AgentRole.Agent,
    });
    const sam = await as(workspace, 'sam');
    const alice = await as(workspace, 'alice');

    const refused = await alice('POST', '/customer-attributes', {
      key: 'plan',
      label: 'Plan',
      type: 'text',
    });
    const plan = await sam<AttributeDefinitionView>('POST', '/customer-attributes', {
      key: 'plan',
      label: 'Plan',
      type: 'list',
      options: ['free', 'pro'],
    });
    const created = await alice<CustomerView>('POST', '/customers', {
      name: '王小明',
      email: 'xiaoming@example.cn',
      timeZone: 'Asia/Shanghai',
      tags: ['wholesale'],
      attributes: { plan: 'pro' },
    });
    const vip = await alice<CustomerView>('PATCH', `/customers/${created.body.id}`, { vip: true });
    const wrongType = await alice<{ code: string }>('PATCH', `/customers/${created.body.id}`, {
      name: 'Changed',
      attributes: { plan: 'gold' },
    });
    const unknown = await alice<{ code: string }>('POST', '/customers', {
      attributes: { colour: 'red' },
    });
    const byName = await alice<CustomerPage>(
      'GET',
      `/customers?query=${encodeURIComponent('王小')}`,
    );
    const byAttribute = await alice<CustomerPage>(
      'GET',
      '/customers?attributeKey=plan&attributeValue=pro',
    );

    expect(refused.status).toBe(403);
    expect(plan.status).toBe(201);
    expect(created.status).toBe(201);
    expect(vip.body).toMatchObject({ vip: true, tags: ['wholesale'], attributes: { plan: 'pro' } });
    expect(wrongType).toMatchObject({ status: 400, body: { code: 'CUSTOMER_ATTRIBUTE_INVALID' } });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'CUSTOMER_ATTRIBUTE_UNKNOWN' } });
    expect((await alice<CustomerView>('GET', `/customers/${created.body.id}`)).body.name).toBe(
      '王小明',
    );
    expect(byName.body.customers.map((customer) => customer.id)).toEqual([created.body.id]);
    expect(byAttribute.body.customers.map((customer) => customer.id)).toEqual([created.body.id]);
    const keyAlone = await alice<{ fieldErrors: { field: string }[] }>(
      'GET',
      '/customers?attributeKey=plan',
    );
    const valueAlone = await alice<{ fieldErrors: { field: string }[] }>(
      'GET',
      '/customers?attributeValue=pro',
    );
    expect(keyAlone.status).toBe(400);
    expect(keyAlone.body.fieldErrors.map((error) => error.field)).toEqual(['attributeValue']);
    expect(valueAlone.status).toBe(400);
    expect(valueAlone.body.fieldErrors.map((error) => error.field)).toEqual(['attributeKey']);

    const other = await createWorkspace(suite.database.url, { zed: AgentRole.Agent });
    const zed = await as(other, 'zed');
    expect((await zed('GET', `/customers/${created.body.id}`)).status).toBe(404);
    expect((await zed('PATCH', `/customers/${created.body.id}`, { vip: false })).status).toBe(404);
    expect((await zed<CustomerPage>('GET', '/customers?tag=wholesale')).body.customers).toEqual([]);
  });

  it('publishes every customer write as evt.crm.customer.changed.v1 after it commits', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const alice = await as(workspace, 'alice');
    const received: CustomerChanged[] = [];
    const subscription = suite.nc.subscribe(
      namespacedSubject(suite.namespace, 'evt.crm.customer.changed.v1'),
      {
        callback: (_, message) => {
          received.push(message.json<CustomerChanged>());
        },
      },
    );
    try {
      const customer = await alice<CustomerView>('POST', '/customers', { name: 'Evented' });
      await alice('PATCH', `/customers/${customer.body.id}`, { vip: true });
      await alice('POST', `/customers/${customer.body.id}/notes`, { body: 'Called back' });

      await waitFor(
        () => received.filter((event) => event.customerId === customer.body.id).length === 3,
        15_000,
        () => `events so far: ${JSON.stringify(received)}`,
      );
      expect(
        received
          .filter((event) => event.customerId === customer.body.id)
          .map(({ action, vip, actorType, actorId }) => ({ action, vip, actorType, actorId })),
      ).toEqual([
        { action: 'created', vip: false, actorType: 'agent', actorId: workspace.agents.alice.id },
        { action: 'updated', vip: true, actorType: 'agent', actorId: workspace.agents.alice.id },
        { action: 'note_added', vip: true, actorType: 'agent', actorId: workspace.agents.alice.id },
      ]);
    } finally {
      subscription.unsubscribe();
    }
  });

  it("shows one customer's conversations, ticket, order, notes and visits newest first, page by page", async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const alice = await as(workspace, 'alice');
    const conversation = await visitorWrites(db, publisher, workspace);
    const { customer_id: customerId } = (
      await db.query<{ customer_id: string }>(
        'SELECT customer_id FROM conversation.conversations WHERE id = $1',
        [conversation.id],
      )
    ).rows[0];
    // A visit of the customer's browser, as connector-web's beacons record them.
    const visitId = randomUUID();
    await db.query(
      `INSERT INTO web.visits (id, workspace_id, inbox_id, visitor_id, source, started_at, last_seen_at, pages_viewed)
       VALUES ($1, $2, $3, $4, 'direct', now() - interval '2 days', now() - interval '2 days', 3)`,
      [visitId, workspace.id, workspace.inboxId, conversation.visitorId],
    );
    const { id: ticketId } = (
      await db.query<{ id: string }>(
        `INSERT INTO crm.tickets (workspace_id, subject, customer_id, created_at)
         VALUES ($1, 'Broken kettle', $2, now() - interval '1 day') RETURNING id`,
        [workspace.id, customerId],
      )
    ).rows[0];
    const order = await alice<PutOrderReply>('PUT', `/customers/${customerId}/orders/SO-1`, {
      status: 'paid',
      totalCents: 4200,
      currency: 'JPY',
      items: [{ name: 'Kettle', quantity: 1, unitCents: 4200 }],
      orderedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    });
    const again = await alice<PutOrderReply>('PUT', `/customers/${customerId}/orders/SO-1`, {
      status: 'paid',
      totalCents: 4200,
      currency: 'JPY',
      items: [{ name: 'Kettle', quantity: 1, unitCents: 4200 }],
      orderedAt: order.body.order.orderedAt,
    });
    const conversationNote = await alice<NoteView>(
      'POST',
      `/conversations/${conversation.id}/notes`,
      {
        body: 'Wants a refund',
      },
    );
    const customerNote = await alice<NoteView>('POST', `/customers/${customerId}/notes`, {
      body: 'Prefers chat',
    });

    const items: TimelineItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: TimelinePage } = await alice<TimelinePage>(
        'GET',
        `/customers/${customerId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);

    expect(order.body).toMatchObject({ created: true, changed: true });
    expect(again.body).toMatchObject({ created: false, changed: false });
    expect(items.map((item) => [item.type, item.id])).toEqual([
      ['note', customerNote.body.id],
      ['note', conversationNote.body.id],
      ['conversation', conversation.id],
      ['ticket', ticketId],
      ['visit', visitId],
      ['order', order.body.order.id],
    ]);
    expect(conversationNote.body).toMatchObject({ conversationId: conversation.id, customerId });
    const conversationNotes = await alice<NoteView[]>(
      'GET',
      `/conversations/${conversation.id}/notes`,
    );
    expect(conversationNotes.body.map((note) => note.id)).toEqual([conversationNote.body.id]);
    const orders = await alice<{ externalId: string }[]>('GET', `/customers/${customerId}/orders`);
    expect(orders.body.map((o) => o.externalId)).toEqual(['SO-1']);
    expect((await alice('GET', `/customers/${customerId}/timeline?cursor=nonsense`)).status).toBe(
      400,
    );
  });

  it('links and suggests: an agent adds a verified identity, sees a suggestion and accepts it', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const alice = await as(workspace, 'alice');
    const conversation = await visitorWrites(db, publisher, workspace);
    const visitorCustomer = (
      await alice<CustomerPage>('GET', `/customers?query=${conversation.visitorId}`)
    ).body.customers[0];
    // visitorWrites names the visitor "Ada": an agent's record of Ada is suggested, not linked.
    const kept = await alice<CustomerView>('POST', '/customers', { name: 'Ada' });
    const withLine = await alice<CustomerView>('POST', `/customers/${kept.body.id}/identities`, {
      channel: 'line',
      externalId: 'U-ada',
      verified: true,
    });
    const taken = await alice<{ code: string }>(
      'POST',
      `/customers/${visitorCustomer.id}/identities`,
      {
        channel: 'line',
        externalId: 'U-ada',
      },
    );
    const suggestions = await alice<{ id: string; candidateId: string; reason: string }[]>(
      'GET',
      `/customers/${kept.body.id}/link-suggestions`,
    );
    const suggestion = suggestions.body.find((s) => s.candidateId === visitorCustomer.id)!;
    const accepted = await alice(
      'POST',
      `/customers/${kept.body.id}/link-suggestions/${suggestion.id}`,
      {
        decision: 'accept',
      },
    );

    expect(withLine.body.identities).toEqual([
      expect.objectContaining({ channel: 'line', externalId: 'U-ada', verified: true }),
    ]);
    expect(taken).toMatchObject({ status: 409, body: { code: 'CUSTOMER_IDENTITY_TAKEN' } });
    expect(suggestion.reason).toBe('same_name');
    expect(accepted).toMatchObject({ status: 201, body: { status: 'accepted' } });
    const after = await alice<CustomerView>('GET', `/customers/${kept.body.id}`);
    expect(after.body.identities.map((identity) => identity.externalId).sort()).toEqual(
      ['U-ada', conversation.visitorId].sort(),
    );
  });

  it('takes orders from an integrator with a live API key of the workspace, never another', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const other = await createWorkspace(suite.database.url, { zed: AgentRole.Agent });
    const alice = await as(workspace, 'alice');
    const customer = await alice<CustomerView>('POST', '/customers', { name: 'Shopper' });
    const key = `hub_${randomUUID()}`;
    const foreignKey = `hub_${randomUUID()}`;
    const revokedKey = `hub_${randomUUID()}`;
    const insertKey = (workspaceId: string, plain: string, revoked: boolean) =>
      db.query(
        `INSERT INTO gateway.api_keys (workspace_id, name, key_hash, revoked_at)
         VALUES ($1, 'shop', encode(sha256(convert_to($2, 'UTF8')), 'hex'), $3)`,
        [workspaceId, plain, revoked ? new Date() : null],
      );
    await insertKey(workspace.id, key, false);
    await insertKey(other.id, foreignKey, false);
    await insertKey(workspace.id, revokedKey, true);
    const order = {
      status: 'paid',
      totalCents: 990,
      currency: 'USD',
      items: [],
      orderedAt: '2026-11-29T08:00:00.000Z',
    };
    const put = (headers: Record<string, string>) =>
      api.call<{ code?: string; created?: boolean }>(
        'PUT',
        `/api/v1/customers/${customer.body.id}/orders/WEB-77`,
        { headers, body: order },
      );

    const byIntegrator = await put({ 'x-api-key': key });
    const foreign = await put({ 'x-api-key': foreignKey });
    const revoked = await put({ 'x-api-key': revokedKey });
    const none = await put({});

    expect(byIntegrator).toMatchObject({ status: 200, body: { created: true } });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'CUSTOMER_NOT_FOUND' } });
    expect(revoked).toMatchObject({ status: 401, body: { code: 'AUTH_API_KEY_INVALID' } });
    expect(none).toMatchObject({ status: 401, body: { code: 'AUTH_TOKEN_MISSING' } });
    const { rows } = await db.query<{ actor_type: string }>(
      `SELECT actor_type FROM crm.audit_entries WHERE entity_id = $1 AND action = 'order_saved'`,
      [customer.body.id],
    );
    expect(rows).toEqual([{ actor_type: 'integrator' }]);
    // A key opens only the routes that say so.
    const read = await api.call('GET', `/api/v1/customers/${customer.body.id}`, {
      headers: { 'x-api-key': key },
    });
    expect(read.status).toBe(401);
  });
  it("masks card numbers and the workspace's patterns in the text its search indexes hold", async () => {
    const workspace = await createWorkspace(
      suite.database.url,
      { alice: AgentRole.Agent },
      { settings: { maskingPatterns: ['ORD-\\d{6}'] } },
    );
    const alice = await as(workspace, 'alice');
    const attribute = await createTextAttribute(workspace);
    const created = await alice<CustomerView>('POST', '/customers', {
      name: 'Mei 4111 1111 1111 1111',
      company: 'Shop ORD-123456',
      attributes: { [attribute]: 'paid with 5500 0000 0000 0004' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Mei **** **** **** 1111',
      company: 'Shop ***-**3456',
      attributes: { [attribute]: 'paid with **** **** **** 0004' },
    });
    const { rows } = await db.query<{ stored: string }>(
      `select c.name || ' ' || c.company || ' ' || a.value::text as stored
         from crm.customers c join crm.customer_attributes a on a.customer_id = c.id
        where c.id = $1`,
      [created.body.id],
    );
    expect(rows[0].stored).not.toMatch(/4111 1111|123456|5500 0000/);
    const found = await alice<CustomerPage>('GET', `/customers?query=${encodeURIComponent('Mei')}`);
    expect(found.body.customers.map((customer) => customer.name)).toEqual([
      'Mei **** **** **** 1111',
    ]);
  });

  /** A text attribute a supervisor of the workspace defines; answers its key. */
  async function createTextAttribute(workspace: WorkspaceFixture): Promise<string> {
    const key = `note_${randomUUID().slice(0, 8)}`;
    await db.query(
      `insert into crm.customer_attribute_definitions (workspace_id, key, label, type)
       values ($1, $2, 'Payment note', 'text')`,
      [workspace.id, key],
    );
    return key;
  }
});
