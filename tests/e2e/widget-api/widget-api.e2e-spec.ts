import { randomUUID } from 'node:crypto';
import { createHmac } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SUBJECTS, type CustomerView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { namespacedSubject } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { nestRequest } from '../support/nest-request';
import { newSession, VisitorClient } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { WidgetBundleDir } from './widget-bundle-dir';

const SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;
const SECRET = 'e2e-identity-secret-0123456789abcdef';

const hmac = (id: string, secret = SECRET) => createHmac('sha256', secret).update(id).digest('hex');

describe('the widget API of connector-web', () => {
  let suite: HubSuite;
  let bundle: WidgetBundleDir;
  let db: Client;
  let web: GatewayApi;
  const agents: AgentSocketClient[] = [];

  beforeAll(async () => {
    bundle = await WidgetBundleDir.create();
    suite = await startHubSuite('widget_api', SERVICES, { WIDGET_DIST_DIR: bundle.dir });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    web = new GatewayApi(suite.hub.service('connector-web').url);
  }, 180_000);

  afterEach(() => {
    for (const agent of agents.splice(0)) agent.socket.close();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
    await bundle?.remove();
  });

  // A workspace with one agent, its inbox's widget settings written before anyone asks for them.
  async function workspaceWith(
    widget: Record<string, unknown>,
    workspaceSettings: Record<string, unknown> = {},
  ): Promise<WorkspaceFixture> {
    const workspace = await createWorkspace(
      suite.database.url,
      { ada: AgentRole.Agent },
      { settings: workspaceSettings },
    );
    const settings = { departmentIds: [workspace.departmentId], ...widget };
    await db.query(`update conversation.inboxes set settings = $2 where id = $1`, [
      workspace.inboxId,
      JSON.stringify({ widget: settings }),
    ]);
    return workspace;
  }

  async function connectAgent(workspace: WorkspaceFixture): Promise<AgentSocketClient> {
    const { ada } = workspace.agents;
    const gateway = new GatewayApi(suite.hub.service('gateway').url);
    const token = await gateway.login(workspace.slug, ada.email, ada.password);
    const { client } = await AgentSocketClient.connect(gateway.baseUrl, token);
    agents.push(client);
    return client;
  }

  const config = (inboxId: string) =>
    web.call<Record<string, unknown>>('GET', `/api/v1/widget/config/${inboxId}`);

  async function customerOf(workspaceId: string, visitorId: string): Promise<CustomerView> {
    const { customerId } = await nestRequest(
      suite.nc,
      suite.namespace,
      SUBJECTS.crm.resolveCustomer,
      {
        workspaceId,
        channel: 'web',
        externalId: visitorId,
      },
    );
    return nestRequest(suite.nc, suite.namespace, SUBJECTS.crm.getCustomer, {
      workspaceId,
      customerId,
    });
  }

  describe('serving the widget', () => {
    it('serves the loader, short-cached and loadable from any site, pointing at the hashed bundle', async () => {
      const response = await fetch(`${web.baseUrl}/widget.js`);
      const source = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(source).toContain(`"/widget/${bundle.file}"`);
      expect(source).toContain('__HUB_WIDGET__');
    });

    it('serves the hashed bundle immutable for a year with an ETag, and 304 when it is current', async () => {
      const response = await fetch(`${web.baseUrl}/widget/${bundle.file}`);

      expect(response.status).toBe(200);
      expect(await response.text()).toBe(bundle.source);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      const etag = response.headers.get('etag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

      const again = await fetch(`${web.baseUrl}/widget/${bundle.file}`, {
        headers: { 'if-none-match': etag! },
      });
      expect(again.status).toBe(304);
    });

    it('answers 404 for any other file, the manifest and traversal attempts included', async () => {
      await writeFile(path.join(bundle.dir, 'widget.other123.js'), 'not served');
      for (const file of ['widget.other123.js', 'manifest.json', '..%2Fmanifest.json', '%2e%2e']) {
        const response = await web.call<{ code: string }>('GET', `/widget/${file}`);
        expect({ file, status: response.status }).toEqual({ file, status: 404 });
      }
      const { body } = await web.call<{ code: string }>('GET', '/widget/widget.other123.js');
      expect(body.code).toBe('WIDGET_FILE_NOT_FOUND');
    });

    it('answers 503 WIDGET_NOT_BUILT while there is no build, and serves it once it appears', async () => {
      await bundle.removeManifest();
      try {
        const missing = await web.call<{ status: number; code: string; message: string }>(
          'GET',
          '/widget.js',
        );
        expect(missing.status).toBe(503);
        expect(missing.body).toMatchObject({ status: 503, code: 'WIDGET_NOT_BUILT' });
      } finally {
        await bundle.writeManifest();
      }
      expect((await fetch(`${web.baseUrl}/widget.js`)).status).toBe(200);
    });
  });

  describe('GET /api/v1/widget/config/:inboxId', () => {
    it('says nobody is online when no agent is connected, with the settings and without the secret', async () => {
      const workspace = await workspaceWith(
        { primaryColor: '#10b981', greeting: { en: 'Hello!' }, identitySecret: SECRET },
        { typingSneakPeek: false },
      );

      const { status, body, headers } = await config(workspace.inboxId);

      expect(status).toBe(200);
      expect(headers.get('access-control-allow-origin')).toBeNull();
      expect(body).toMatchObject({
        inboxId: workspace.inboxId,
        workspaceId: workspace.id,
        primaryColor: '#10b981',
        locales: ['en', 'zh-CN', 'zh-TW', 'ja'],
        departments: [{ id: workspace.departmentId, name: 'General', online: false }],
        preChatForm: { enabled: false, fields: [] },
        online: false,
        withinBusinessHours: true,
        typingPreview: false,
        identityVerification: true,
        uploads: { maxBytes: 10 * 1024 * 1024 },
      });
      expect((body.greeting as Record<string, string>).en).toBe('Hello!');
      expect(JSON.stringify(body)).not.toContain(SECRET);
    });

    it('says online once an agent of a shown department is connected', async () => {
      const workspace = await workspaceWith({});
      await connectAgent(workspace);

      let body: Record<string, unknown> = {};
      // The config is cached five seconds: it turns online within that of routing knowing.
      await waitFor(async () => {
        ({ body } = await config(workspace.inboxId));
        return body.online === true;
      }, 15_000);

      expect(body).toMatchObject({
        online: true,
        withinBusinessHours: true,
        typingPreview: true,
        identityVerification: false,
        departments: [{ id: workspace.departmentId, online: true }],
      });
    });

    it('says offline outside business hours even with an agent connected', async () => {
      const workspace = await workspaceWith({
        // Open one minute a week, at a time no test runs: closed now.
        businessHours: { timeZone: 'Pacific/Kiritimati', week: { mon: [['03:00', '03:01']] } },
      });
      await connectAgent(workspace);
      // The agent counts as online for routing (what the config would otherwise follow).
      await waitFor(async () => {
        const { workspaceOnline } = await nestRequest(
          suite.nc,
          suite.namespace,
          SUBJECTS.routing.departmentAvailability,
          { workspaceId: workspace.id },
        );
        return workspaceOnline;
      }, 15_000);

      const { body } = await config(workspace.inboxId);

      expect(body).toMatchObject({
        online: false,
        withinBusinessHours: false,
        departments: [{ id: workspace.departmentId, online: false }],
      });
    });

    it('falls back to the defaults for invalid stored settings instead of failing', async () => {
      const workspace = await workspaceWith({ primaryColor: 'red', locales: 'en' });

      const { status, body } = await config(workspace.inboxId);

      expect(status).toBe(200);
      expect(body).toMatchObject({
        primaryColor: '#2563eb',
        locales: ['en', 'zh-CN', 'zh-TW', 'ja'],
      });
    });

    it('may be read from any site (a simple GET, no preflight)', async () => {
      const workspace = await workspaceWith({});

      const response = await fetch(`${web.baseUrl}/api/v1/widget/config/${workspace.inboxId}`, {
        headers: { origin: 'https://shop.example' },
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(response.headers.get('cache-control')).toBe('public, max-age=5');
    });

    it('answers 404 INBOX_NOT_FOUND for an unknown inbox or something that is not an id', async () => {
      for (const inboxId of [randomUUID(), 'not-an-id']) {
        const { status, body } = await config(inboxId);
        expect({ status, code: body.code }).toEqual({ status: 404, code: 'INBOX_NOT_FOUND' });
      }
    });
  });

  describe('identify', () => {
    it('links the visitor’s customer to the site user when the hash is right', async () => {
      const workspace = await workspaceWith({ identitySecret: SECRET });
      const session = await newSession(web.baseUrl, workspace.inboxId);

      const response = await web.call('POST', '/api/v1/widget/identify', {
        body: {
          token: session.token,
          id: 'shop-user-1001',
          name: 'Kenji Sato',
          email: 'kenji@example.jp',
          hash: hmac('shop-user-1001'),
        },
      });

      expect(response.status).toBe(204);
      const customer = await customerOf(workspace.id, session.visitorId);
      expect(customer).toMatchObject({ name: 'Kenji Sato', email: 'kenji@example.jp' });
      expect(customer.identities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            channel: 'web',
            kind: 'channel',
            externalId: session.visitorId,
          }),
          expect.objectContaining({
            channel: 'web',
            kind: 'site-user',
            externalId: 'shop-user-1001',
          }),
        ]),
      );
    });

    it('refuses a wrong hash, and any hash when the inbox has no secret, with 403 IDENTITY_HASH_INVALID', async () => {
      const withSecret = await workspaceWith({ identitySecret: SECRET });
      const withoutSecret = await workspaceWith({});
      for (const workspace of [withSecret, withoutSecret]) {
        const session = await newSession(web.baseUrl, workspace.inboxId);
        const response = await web.call<{ code: string }>('POST', '/api/v1/widget/identify', {
          body: {
            token: session.token,
            id: 'shop-user-1001',
            hash: hmac('shop-user-1001', 'another-secret-entirely-000'),
          },
        });

        expect(response.status).toBe(403);
        expect(response.body.code).toBe('IDENTITY_HASH_INVALID');
        const customer = await customerOf(workspace.id, session.visitorId);
        expect(customer.identities.map((i) => i.kind)).toEqual(['channel']);
      }
    });

    it('records the pre-chat form answers on the customer', async () => {
      const workspace = await workspaceWith({});
      const session = await newSession(web.baseUrl, workspace.inboxId);

      const response = await web.call('POST', '/api/v1/widget/profile', {
        body: { token: session.token, name: 'Lin Wei', phone: '+886 2 1234 5678' },
      });

      expect(response.status).toBe(204);
      expect(await customerOf(workspace.id, session.visitorId)).toMatchObject({
        name: 'Lin Wei',
        phone: '+886 2 1234 5678',
      });
    });
  });

  describe('leave a message', () => {
    it('becomes a ticket on the visitor’s customer, announced after commit', async () => {
      const workspace = await workspaceWith({});
      const session = await newSession(web.baseUrl, workspace.inboxId);
      const events: Record<string, unknown>[] = [];
      const subscription = suite.nc.subscribe(
        namespacedSubject(suite.namespace, SUBJECTS.crm.ticketCreated.subject),
        { callback: (_error, message) => void events.push(message.json()) },
      );
      await suite.nc.flush();

      const response = await web.call<{ ticketId: string }>(
        'POST',
        '/api/v1/widget/offline-messages',
        {
          body: {
            token: session.token,
            name: 'Yuki',
            email: 'yuki@example.jp',
            message: 'サイズ交換できますか？\n26cmを注文しました。',
            departmentId: workspace.departmentId,
            clientMessageId: 'offline-1',
          },
        },
      );

      expect(response.status).toBe(201);
      const { ticketId } = response.body;
      const customer = await customerOf(workspace.id, session.visitorId);
      const tickets = await nestRequest(
        suite.nc,
        suite.namespace,
        SUBJECTS.crm.listCustomerTickets,
        { workspaceId: workspace.id, customerId: customer.id },
      );
      expect(tickets).toEqual([
        expect.objectContaining({
          id: ticketId,
          subject: 'サイズ交換できますか？',
          description: 'サイズ交換できますか？\n26cmを注文しました。',
          status: 'new',
          departmentId: workspace.departmentId,
        }),
      ]);
      expect(customer).toMatchObject({ name: 'Yuki', email: 'yuki@example.jp' });
      await waitFor(() => events.some((e) => e.ticketId === ticketId), 5_000);
      subscription.unsubscribe();

      // The widget resending the same message gets the same ticket.
      const resent = await web.call<{ ticketId: string }>(
        'POST',
        '/api/v1/widget/offline-messages',
        {
          body: {
            token: session.token,
            name: 'Yuki',
            email: 'yuki@example.jp',
            message: 'サイズ交換できますか？\n26cmを注文しました。',
            clientMessageId: 'offline-1',
          },
        },
      );
      expect(resent.body.ticketId).toBe(ticketId);
    });

    it('refuses a message over 10,000 characters, a bad token, and a department of another workspace', async () => {
      const workspace = await workspaceWith({});
      const other = await workspaceWith({});
      const session = await newSession(web.baseUrl, workspace.inboxId);
      const base = { token: session.token, name: 'A', email: 'a@example.com', message: 'hi' };

      const tooLong = await web.call<{ code: string }>('POST', '/api/v1/widget/offline-messages', {
        body: { ...base, message: 'x'.repeat(10_001) },
      });
      const badToken = await web.call<{ code: string }>('POST', '/api/v1/widget/offline-messages', {
        body: { ...base, token: 'nope' },
      });
      const foreign = await web.call<{ code: string }>('POST', '/api/v1/widget/offline-messages', {
        body: { ...base, departmentId: other.departmentId },
      });

      expect([tooLong.status, tooLong.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect([badToken.status, badToken.body.code]).toEqual([401, 'INVALID_VISITOR_TOKEN']);
      expect([foreign.status, foreign.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('drafts', () => {
    it('masks a card number in the visitor’s draft before the agent sees it', async () => {
      const workspace = await workspaceWith({});
      const agent = await connectAgent(workspace);
      const session = await newSession(web.baseUrl, workspace.inboxId);
      const { client: visitor } = await VisitorClient.greeted(web.baseUrl, {
        token: session.token,
      });
      visitor.send({ type: 'message.send', clientMessageId: 'd-1', content: 'Payment question' });
      const ack = await visitor.next((f) => f.type === 'message.ack');
      const conversationId = ack.conversationId as string;
      await agent.waitFor(
        (f) =>
          f.type === 'conversation.updated' &&
          (f.conversation as { assigneeId?: string }).assigneeId === workspace.agents.ada.id,
        15_000,
        'the assignment',
      );
      await agent.request({ type: 'resume', conversations: { [conversationId]: 0 } });

      // A client that does not mask (an old widget, a hostile script): the server does.
      visitor.send({ type: 'draft', text: 'card 4111 1111 1111 1111 exp 12/29' });

      const draft = await agent.waitFor((f) => f.type === 'draft', 10_000, 'the draft');
      expect(draft.text).toBe('card **** **** **** 1111 exp 12/29');
      expect(JSON.stringify(agent.frames)).not.toContain('4111 1111 1111 1111');
      await visitor.close();
    });
  });
});
