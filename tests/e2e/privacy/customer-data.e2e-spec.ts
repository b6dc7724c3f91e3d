import { randomUUID } from 'node:crypto';
import { AgentRole } from '@hub/domain';
import { Client } from 'pg';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { newSession, VisitorClient } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;

interface Chat {
  conversationId: string;
  customerId: string;
  visitorId: string;
}

describe("a customer's data: masked, exported and erased", () => {
  let suite: HubSuite;
  let api: GatewayApi;
  let db: Client;
  let workspace: WorkspaceFixture;
  let tokens: Record<'root' | 'ada' | 'sam', string>;
  let agentSocket: AgentSocketClient;

  const url = (service: 'gateway' | 'connector-web') => suite.hub.service(service).url;

  beforeAll(async () => {
    suite = await startHubSuite('prv_data', SERVICES);
    api = new GatewayApi(url('gateway'));
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  beforeEach(async () => {
    // A workspace per test: conversation reads the masking patterns once per 30 s.
    workspace = await createWorkspace(
      suite.database.url,
      { root: AgentRole.Admin, ada: AgentRole.Agent, sam: AgentRole.Supervisor },
      { settings: { maskingPatterns: ['ORD-\\d{6}'] } },
    );
    const login = (name: string) =>
      api.login(workspace.slug, workspace.agents[name].email, workspace.agents[name].password);
    tokens = { root: await login('root'), ada: await login('ada'), sam: await login('sam') };
    ({ client: agentSocket } = await AgentSocketClient.connect(url('gateway'), tokens.ada));
  });

  afterEach(() => agentSocket?.socket.close());

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  /** A visitor's chat, assigned to ada; the visitor stays connected. */
  async function chat(content: string): Promise<Chat & { visitor: VisitorClient }> {
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const { client: visitor } = await VisitorClient.greeted(url('connector-web'), {
      token: session.token,
    });
    visitor.send({ type: 'message.send', clientMessageId: 'v-1', content });
    const ack = await visitor.next((f) => f.type === 'message.ack' && f.clientMessageId === 'v-1');
    const conversationId = ack.conversationId as string;
    const { rows } = await db.query<{ customer_id: string }>(
      'select customer_id from conversation.conversations where id = $1',
      [conversationId],
    );
    return {
      conversationId,
      customerId: rows[0].customer_id,
      visitorId: session.visitorId,
      visitor,
    };
  }

  it("stores a customer's message with card numbers and the workspace's patterns masked", async () => {
    const { conversationId, visitor } = await chat(
      'card 4111 1111 1111 1111 for order ORD-123456, thanks',
    );
    const masked = 'card **** **** **** 1111 for order ***-**3456, thanks';
    const stored = await db.query<{ content: string }>(
      'select content from conversation.messages where conversation_id = $1',
      [conversationId],
    );
    expect(stored.rows).toEqual([{ content: masked }]);
    const listed = await api.call<{ content: string }[]>(
      'GET',
      `/api/v1/conversations/${conversationId}/messages`,
      { token: tokens.root },
    );
    expect(listed.body.map((message) => message.content)).toEqual([masked]);
    await visitor.close();
  });

  it("shows the agent a visitor's draft with the workspace's patterns masked", async () => {
    const { conversationId, visitor } = await chat('hello');
    await agentSocket.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { id: string; assigneeId?: string }).id === conversationId &&
        (f.conversation as { assigneeId?: string }).assigneeId === workspace.agents.ada.id,
      15_000,
      'the assignment',
    );
    visitor.send({ type: 'draft', text: 'my order is ORD-654321 and card 5555555555554444' });
    const draft = await agentSocket.waitFor(
      (f) => f.type === 'draft' && f.conversationId === conversationId,
    );
    expect(draft.text).toBe('my order is ***-**4321 and card ************4444');
    await visitor.close();
  });

  it('exports everything the services hold about the customer, to supervisors and admins only', async () => {
    const { conversationId, customerId, visitorId, visitor } = await chat('where is my parcel?');
    await seedCustomerRecords({ customerId, conversationId, visitorId });

    const refused = await api.call('GET', `/api/v1/customers/${customerId}/export`, {
      token: tokens.ada,
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });

    const { status, body } = await api.call<ExportBody>(
      'GET',
      `/api/v1/customers/${customerId}/export`,
      { token: tokens.sam },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ workspaceId: workspace.id, customerId });
    expect(body.crm.customer).toMatchObject({ id: customerId, workspace_id: workspace.id });
    expect(body.crm.tables['crm.customer_identities']).toEqual([
      expect.objectContaining({ channel: 'web', external_id: visitorId }),
    ]);
    expect(body.crm.tables['crm.orders']).toEqual([
      expect.objectContaining({ external_id: 'shop-1001', total_cents: 4200 }),
    ]);
    expect(body.crm.tables['crm.notes'].map((note) => note.body).sort()).toEqual([
      'called about the parcel',
      'courier called',
      'prefers mail',
    ]);
    expect(body.crm.tables['crm.tickets']).toEqual([
      expect.objectContaining({ subject: 'Parcel late' }),
    ]);
    // The record's creation on first contact, and the two entries seeded.
    const audited = body.crm.tables['crm.audit_entries'].map(
      (entry) => `${String(entry.entity_type)} ${String(entry.action)}`,
    );
    expect(audited.sort()).toEqual(['customer created', 'customer updated', 'ticket created']);
    expect(body.conversations).toEqual([
      expect.objectContaining({
        id: conversationId,
        messages: [expect.objectContaining({ seq: 1, content: 'where is my parcel?' })],
      }),
    ]);
    expect(body.web['web.visits']).toEqual([expect.objectContaining({ visitor_id: visitorId })]);
    expect(body.web['web.page_views']).toEqual([
      expect.objectContaining({ url: 'https://shop.example/parcel' }),
    ]);
    expect(body.web['web.visitor_sessions']).toEqual([
      expect.not.objectContaining({ token_hash: expect.anything() as unknown }),
    ]);
    await visitor.close();
  });

  it('erases the customer in every service, records who and when but nothing erased, and answers a repeat with the record', async () => {
    const { conversationId, customerId, visitorId, visitor } = await chat('my address is 1 Elm St');
    await seedCustomerRecords({ customerId, conversationId, visitorId });
    await visitor.close();

    const bySupervisor = await api.call('POST', `/api/v1/customers/${customerId}/erase`, {
      token: tokens.sam,
    });
    expect(bySupervisor).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
    expect(await count('crm.customers', 'id = $1', customerId)).toBe(1);

    const erased = await api.call<ErasureBody>('POST', `/api/v1/customers/${customerId}/erase`, {
      token: tokens.root,
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      customerId,
      requestedBy: workspace.agents.root.id,
      erased: {
        'crm.customers': 1,
        'crm.customer_identities': 1,
        'crm.orders': 1,
        'crm.notes': 3,
        'crm.tickets': 1,
        // The record's creation on first contact, and the two entries seeded.
        'crm.audit_entries': 3,
        'conversation.messages': 1,
        'conversation.conversations': 1,
        'web.visits': 1,
        'web.page_views': 1,
      },
    });

    expect(
      await api.call('GET', `/api/v1/customers/${customerId}`, { token: tokens.root }),
    ).toMatchObject({ status: 404, body: { code: 'CUSTOMER_NOT_FOUND' } });
    expect(await count('crm.customer_identities', 'external_id = $1', visitorId)).toBe(0);
    expect(await count('crm.notes', 'conversation_id = $1', conversationId)).toBe(0);
    expect(await count('conversation.messages', 'conversation_id = $1', conversationId)).toBe(0);
    const { rows: kept } = await db.query(
      `select customer_external_id, status from conversation.conversations where id = $1`,
      [conversationId],
    );
    expect(kept).toEqual([{ customer_external_id: '', status: expect.any(String) as unknown }]);
    for (const table of ['web.visits', 'web.page_views', 'web.visitor_sessions']) {
      expect(await count(table, 'visitor_id = $1', visitorId)).toBe(0);
    }

    // The record: ids and times only.
    const { rows: records } = await db.query(
      'select * from gateway.customer_erasures where customer_id = $1',
      [customerId],
    );
    expect(records).toEqual([
      {
        id: erased.body.id,
        workspace_id: workspace.id,
        customer_id: customerId,
        requested_by: workspace.agents.root.id,
        requested_at: expect.any(Date) as unknown,
        completed_at: expect.any(Date) as unknown,
      },
    ]);

    const repeated = await api.call<ErasureBody>('POST', `/api/v1/customers/${customerId}/erase`, {
      token: tokens.root,
    });
    expect(repeated).toMatchObject({
      status: 200,
      body: { id: erased.body.id, completedAt: erased.body.completedAt, erased: {} },
    });
    expect(
      await api.call('GET', `/api/v1/customers/${customerId}/export`, { token: tokens.root }),
    ).toMatchObject({ status: 404, body: { code: 'CUSTOMER_NOT_FOUND' } });
  });

  it('finishes an erasure that was interrupted, whether before or after crm erased its part', async () => {
    // Interrupted before any service erased: the record exists, the data too.
    const first = await chat('first');
    await first.visitor.close();
    await db.query(
      `insert into gateway.customer_erasures (workspace_id, customer_id, requested_by)
       values ($1, $2, $3)`,
      [workspace.id, first.customerId, workspace.agents.root.id],
    );
    const resumed = await api.call<ErasureBody>(
      'POST',
      `/api/v1/customers/${first.customerId}/erase`,
      { token: tokens.root },
    );
    expect(resumed).toMatchObject({
      status: 200,
      body: { erased: { 'crm.customers': 1, 'conversation.messages': 1 } },
    });
    expect(await count('conversation.messages', 'conversation_id = $1', first.conversationId)).toBe(
      0,
    );

    // Interrupted after crm, the last step: only the record's completion was missing.
    const second = await chat('second');
    await second.visitor.close();
    await db.query(
      `insert into gateway.customer_erasures (workspace_id, customer_id, requested_by)
       values ($1, $2, $3)`,
      [workspace.id, second.customerId, workspace.agents.root.id],
    );
    await db.query('delete from crm.customer_identities where customer_id = $1', [
      second.customerId,
    ]);
    await db.query('delete from crm.customers where id = $1', [second.customerId]);
    const completed = await api.call<ErasureBody>(
      'POST',
      `/api/v1/customers/${second.customerId}/erase`,
      { token: tokens.root },
    );
    expect(completed).toMatchObject({ status: 200, body: { erased: {} } });
    const { rows } = await db.query<{ completed_at: Date | null }>(
      'select completed_at from gateway.customer_erasures where customer_id = $1',
      [second.customerId],
    );
    expect(rows[0].completed_at).toBeInstanceOf(Date);
  });

  it('answers CUSTOMER_NOT_FOUND for an unknown customer and for one of another workspace, erasing nothing', async () => {
    const { customerId, visitor } = await chat('hi');
    await visitor.close();
    const other = await createWorkspace(suite.database.url, { boss: AgentRole.Admin });
    const boss = await api.login(other.slug, other.agents.boss.email, other.agents.boss.password);
    for (const [id, token] of [
      [randomUUID(), tokens.root],
      [customerId, boss],
    ]) {
      for (const [method, action] of [
        ['GET', 'export'],
        ['POST', 'erase'],
      ]) {
        expect(
          await api.call(method, `/api/v1/customers/${id}/${action}`, { token }),
        ).toMatchObject({ status: 404, body: { code: 'CUSTOMER_NOT_FOUND' } });
      }
    }
    expect(await count('crm.customers', 'id = $1', customerId)).toBe(1);
    expect(await count('gateway.customer_erasures', 'customer_id = $1', customerId)).toBe(0);
  });

  async function count(table: string, where: string, value: string): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from ${table} where ${where}`,
      [value],
    );
    return rows[0].n;
  }

  /** What features without REST yet (orders, notes) and page-view beacons would have stored. */
  async function seedCustomerRecords(ids: Chat): Promise<void> {
    const { customerId, conversationId, visitorId } = ids;
    await db.query(
      `insert into crm.orders (workspace_id, customer_id, external_id, status, total_cents, currency, ordered_at)
       values ($1, $2, 'shop-1001', 'shipped', 4200, 'EUR', now())`,
      [workspace.id, customerId],
    );
    await db.query(
      `insert into crm.notes (workspace_id, author_id, body, customer_id, conversation_id)
       values ($1, $2, 'prefers mail', $3, null), ($1, $2, 'called about the parcel', null, $4)`,
      [workspace.id, workspace.agents.ada.id, customerId, conversationId],
    );
    const { rows: tickets } = await db.query<{ id: string }>(
      `insert into crm.tickets (workspace_id, subject, customer_id)
       values ($1, 'Parcel late', $2) returning id`,
      [workspace.id, customerId],
    );
    await db.query(
      `insert into crm.ticket_conversations (workspace_id, ticket_id, conversation_id)
       values ($1, $2, $3)`,
      [workspace.id, tickets[0].id, conversationId],
    );
    await db.query(
      `insert into crm.audit_entries (workspace_id, entity_type, entity_id, action, actor_type, changes)
       values ($1, 'ticket', $2, 'created', 'system', '[{"field":"subject","from":null,"to":"Parcel late"}]'),
              ($1, 'customer', $3, 'updated', 'system', '[{"field":"name","from":null,"to":"Ada"}]')`,
      [workspace.id, tickets[0].id, customerId],
    );
    await db.query(
      `insert into crm.notes (workspace_id, author_id, body, ticket_id)
       values ($1, $2, 'courier called', $3)`,
      [workspace.id, workspace.agents.ada.id, tickets[0].id],
    );
    const visitId = randomUUID();
    await db.query(
      `insert into web.visits (id, workspace_id, inbox_id, visitor_id, source, started_at, last_seen_at)
       values ($1, $2, $3, $4, 'direct', now(), now())`,
      [visitId, workspace.id, workspace.inboxId, visitorId],
    );
    await db.query(
      `insert into web.page_views (workspace_id, visitor_id, visit_id, page_view_id, url, title, viewed_at)
       values ($1, $2, $3, $4, 'https://shop.example/parcel', 'Parcel', now())`,
      [workspace.id, visitorId, visitId, randomUUID()],
    );
  }
});

interface ExportBody {
  workspaceId: string;
  customerId: string;
  crm: { customer: Record<string, unknown>; tables: Record<string, Record<string, unknown>[]> };
  conversations: (Record<string, unknown> & { messages: Record<string, unknown>[] })[];
  web: Record<string, Record<string, unknown>[]>;
}

interface ErasureBody {
  id: string;
  customerId: string;
  completedAt: string;
  erased: Record<string, number>;
}
