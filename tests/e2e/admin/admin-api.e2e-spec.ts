import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { SecretBox } from '@hub/secret-box';
import { SUBJECTS, type CustomerChanged } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { namespacedSubject } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient } from '../support/agent-socket-client';
import type { Locale } from '../support/browser';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { GatewayApi } from '../support/gateway-api';
import type { HubSuite } from '../support/hub-suite';
import { inboxText, openInbox, openSettingsScreen } from '../support/inbox';
import { newSession, VisitorClient } from '../support/visitor-client';
import { nestRequest } from '../support/nest-request';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const OPERATOR_TOKEN = randomBytes(32).toString('hex');
const WIDGET_ORIGIN = 'https://chat.example.test';
const SECRETS_KEY = randomBytes(32).toString('hex');

interface AgentBody {
  id: string;
  email: string;
  role: string;
  active: boolean;
  locale: string;
  maxConcurrentChats: number;
  departmentIds: string[];
}
interface InboxBody {
  id: string;
  channel: string;
  settings: Record<string, unknown>;
  secretsSet: string[];
}

describe('admin API', () => {
  let hub: BrowserHub;
  let suite: HubSuite;
  let api: GatewayApi;
  let db: Client;
  let workspace: WorkspaceFixture;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    // The web-chat services and one Chromium: the REST tests and the settings screens share it.
    hub = await startBrowserHub('admin_api', {
      OPERATOR_TOKEN,
      WIDGET_ORIGIN,
      SECRETS_KEY,
      SIGNUP_IP_MAX_PER_HOUR: '4',
    });
    suite = hub.suite;
    api = new GatewayApi(suite.hub.service('gateway').url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    workspace = await createWorkspace(suite.database.url, {
      root: AgentRole.Admin,
      ada: AgentRole.Agent,
    });
    const { root, ada } = workspace.agents;
    [admin, agent] = await Promise.all([
      api.login(workspace.slug, root.email, root.password),
      api.login(workspace.slug, ada.email, ada.password),
    ]);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await hub?.stop();
  });

  const call = <T = unknown>(method: string, path: string, token: string, body?: unknown) =>
    api.call<T>(method, `/api/v1${path}`, { token, body });

  it('lets an admin set up an agent, a department, a web and an email inbox; the agent signs in', async () => {
    const department = await call<{ id: string; agentIds: string[] }>(
      'POST',
      '/departments',
      admin,
      { name: 'Billing' },
    );
    expect(department).toMatchObject({ status: 201, body: { agentIds: [] } });
    const password = 'correct horse battery';
    const created = await call<{ agent: AgentBody; invitationToken: null }>(
      'POST',
      '/agents',
      admin,
      {
        email: 'New.Agent@Example.test',
        name: '新しい担当者',
        role: 'agent',
        password,
        maxConcurrentChats: 5,
        departmentIds: [department.body.id],
        locale: 'ja',
      },
    );
    expect(created).toMatchObject({
      status: 201,
      body: {
        invitationToken: null,
        invitationPath: null,
        agent: { email: 'new.agent@example.test', locale: 'ja', maxConcurrentChats: 5 },
      },
    });
    const newAgent = created.body.agent;
    expect(newAgent.departmentIds).toEqual([department.body.id]);
    const renamed = await call('PATCH', `/departments/${department.body.id}`, admin, {
      name: 'Billing & Refunds',
      agentIds: [newAgent.id, workspace.agents.ada.id],
    });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Billing & Refunds' } });

    const web = await call<InboxBody>('POST', '/inboxes', admin, {
      channel: 'web',
      name: 'Shop',
      settings: {
        widget: {
          primaryColor: '#10b981',
          position: 'left',
          launcherText: { en: 'Chat', 'zh-CN': '聊天' },
          greeting: { ja: 'ようこそ' },
          locales: ['ja', 'en'],
          defaultLocale: 'ja',
          departmentIds: [department.body.id],
          preChatForm: { enabled: true, fields: [{ name: 'email', required: true }] },
          autoInvite: [
            {
              id: 'pricing',
              message: { en: 'Questions?', ja: 'ご質問は？' },
              urlPattern: '/pricing*',
            },
          ],
        },
      },
    });
    expect(web).toMatchObject({ status: 201, body: { channel: 'web', secretsSet: [] } });
    const email = await call<InboxBody>('POST', '/inboxes', admin, {
      channel: 'email',
      name: 'Support mail',
      settings: {
        email: {
          address: 'Support@Shop.example',
          displayName: 'Shop Support',
          signature: '-- 店舗サポート',
          relay: { host: 'smtp.shop.example', port: 587, secure: false, user: 'support' },
        },
        relayPassword: 'relay-pass-123',
      },
    });
    expect(email).toMatchObject({ status: 201, body: { secretsSet: ['relayPassword'] } });
    expect(JSON.stringify(email.body)).not.toContain('relay-pass-123');
    const listed = await call<InboxBody[]>('GET', '/inboxes', admin);
    expect(JSON.stringify(listed.body)).not.toContain('relay-pass-123');
    expect(listed.body.map((inbox) => inbox.id)).toEqual(
      expect.arrayContaining([web.body.id, email.body.id]),
    );

    // Sealed in the database, openable with the hub's key only.
    const { rows } = await db.query<{ settings: { secrets: { relayPassword: string } } }>(
      `select settings from conversation.inboxes where id = $1`,
      [email.body.id],
    );
    const sealed = rows[0].settings.secrets.relayPassword;
    expect(sealed).not.toContain('relay-pass-123');
    expect(new SecretBox(SECRETS_KEY).open(sealed)).toBe('relay-pass-123');
    // connector-email finds the inbox by its address at RCPT.
    await expect(
      nestRequest(suite.nc, suite.namespace, SUBJECTS.conversation.findEmailInbox, {
        address: 'support@shop.example',
      }),
    ).resolves.toMatchObject({ inboxId: email.body.id, displayName: 'Shop Support' });
    // Changing other settings keeps the secret; another inbox cannot take the address.
    const kept = await call<InboxBody>('PATCH', `/inboxes/${email.body.id}`, admin, {
      settings: { email: { address: 'support@shop.example', displayName: 'Support' } },
    });
    expect(kept).toMatchObject({ status: 200, body: { secretsSet: ['relayPassword'] } });
    const taken = await call('POST', '/inboxes', admin, {
      channel: 'email',
      name: 'Copy',
      settings: { email: { address: 'SUPPORT@shop.example' } },
    });
    expect(taken).toMatchObject({ status: 409, body: { code: 'INBOX_EMAIL_ADDRESS_TAKEN' } });

    // connector-web serves the widget what the admin set.
    const config = await fetch(
      `${suite.hub.service('connector-web').url}/api/v1/widget/config/${web.body.id}`,
    );
    expect(await config.json()).toMatchObject({
      primaryColor: '#10b981',
      position: 'left',
      defaultLocale: 'ja',
      locales: ['ja', 'en'],
      departments: [{ id: department.body.id, name: 'Billing & Refunds' }],
    });
    const snippet = await call('GET', `/inboxes/${web.body.id}/snippet`, admin);
    expect(snippet).toMatchObject({
      status: 200,
      body: {
        html: `<script async src="${WIDGET_ORIGIN}/widget.js" data-inbox="${web.body.id}"></script>`,
      },
    });

    const token = await api.login(workspace.slug, 'new.agent@example.test', password);
    expect(await call('GET', '/agents/me', token)).toMatchObject({
      status: 200,
      body: { id: newAgent.id, locale: 'ja', role: 'agent' },
    });
  });

  it('refuses bad settings field by field', async () => {
    const bad = await call<{ code: string; fieldErrors: { field: string }[] }>(
      'POST',
      '/inboxes',
      admin,
      { channel: 'web', name: 'Bad', settings: { widget: { primaryColor: 'red' }, secrets: {} } },
    );
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(bad.body.fieldErrors.map((e) => e.field).sort()).toEqual([
      'settings.secrets',
      'settings.widget.primaryColor',
    ]);

    // An auto-invite text must not be empty, and the default language (ja) must have one.
    const rules = await call<{ code: string; fieldErrors: { field: string }[] }>(
      'POST',
      '/inboxes',
      admin,
      {
        channel: 'web',
        name: 'Bad rules',
        settings: {
          widget: {
            defaultLocale: 'ja',
            autoInvite: [
              { id: 'empty', message: { ja: 'ご質問は？', en: ' ' } },
              { id: 'no-default', message: { en: 'Questions?' } },
            ],
          },
        },
      },
    );
    expect(rules).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(rules.body.fieldErrors.map((e) => e.field).sort()).toEqual([
      'settings.widget.autoInvite',
      'settings.widget.autoInvite.0.message.en',
    ]);
  });

  it('configures social and API inboxes with their credentials sealed, never answered', async () => {
    const lineSecret = `line-secret-${randomBytes(8).toString('hex')}`;
    const line = await call<{ id: string; secretsSet: string[] }>('POST', '/inboxes', admin, {
      channel: 'line',
      name: 'LINE',
      settings: { channelAccessToken: 'line-access-token', channelSecret: lineSecret },
    });
    expect(line.status).toBe(201);
    expect([...line.body.secretsSet].sort()).toEqual(['channelAccessToken', 'channelSecret']);
    const signingSecret = randomBytes(24).toString('hex');
    const apiInbox = await call<{ id: string; secretsSet: string[] }>('POST', '/inboxes', admin, {
      channel: 'api',
      name: 'Shop backend',
      settings: { api: { callbackUrl: 'https://shop.example/hub-replies' }, signingSecret },
    });
    expect(apiInbox.status).toBe(201);
    expect(apiInbox.body.secretsSet).toEqual(['signingSecret']);
    const listed = await call('GET', '/inboxes', admin);
    expect(JSON.stringify(listed.body)).not.toContain(lineSecret);
    expect(JSON.stringify(listed.body)).not.toContain(signingSecret);
  });

  it('rotates an API inbox’s signing secret, the old one accepted until the overlap ends', async () => {
    const first = randomBytes(24).toString('hex');
    const created = await call<{ id: string }>('POST', '/inboxes', admin, {
      channel: 'api',
      name: 'Rotating backend',
      settings: { api: { callbackUrl: null }, signingSecret: first },
    });
    expect(created.status).toBe(201);
    const inboxId = created.body.id;
    // A message signed with `secret` at `timestamp` (now unless given), as integrators sign.
    const post = (secret: string, timestamp = Math.floor(Date.now() / 1000)) => {
      const body = JSON.stringify({
        messageId: `m-${randomUUID()}`,
        contact: { id: 'c-1' },
        content: 'Order 42 shipped?',
      });
      const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
      return api.call<{ code?: string }>('POST', `/api/v1/inboxes/${inboxId}/messages`, {
        body,
        headers: {
          'content-type': 'application/json',
          'x-hub-timestamp': String(timestamp),
          'x-hub-signature': `v1=${mac}`,
        },
      });
    };
    const rotate = (overlapSeconds?: number, token = admin) =>
      call<{ signingSecret: string; previousSecretExpiresAt: string | null; secretsSet: string[] }>(
        'POST',
        `/inboxes/${inboxId}/rotate-secret`,
        token,
        overlapSeconds === undefined ? {} : { overlapSeconds },
      );
    expect((await post(first)).status).toBe(202);
    expect((await rotate(undefined, agent)).status).toBe(403);

    // The stated default: a day.
    const second = await rotate();
    expect(second.status).toBe(200);
    const overlapEnd = Date.parse(second.body.previousSecretExpiresAt ?? '');
    expect(Math.abs(overlapEnd - (Date.now() + 24 * 3600_000))).toBeLessThan(60_000);
    expect(second.body.signingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.body.secretsSet).toEqual(['previousSigningSecret', 'signingSecret']);
    const listed = await call('GET', '/inboxes', admin);
    expect(JSON.stringify(listed.body)).not.toContain(second.body.signingSecret);
    expect((await post(second.body.signingSecret)).status).toBe(202);
    expect((await post(first)).status).toBe(202);

    // A 60-second overlap: the old secret works now, and no longer for a request signed past
    // its end (timestamps up to five minutes ahead are admitted, so no test has to sleep).
    const third = await rotate(60);
    const later = Math.floor(Date.now() / 1000) + 120;
    expect((await post(second.body.signingSecret)).status).toBe(202);
    expect(await post(second.body.signingSecret, later)).toMatchObject({
      status: 401,
      body: { code: 'API_SIGNATURE_INVALID' },
    });
    expect((await post(third.body.signingSecret, later)).status).toBe(202);
    // The rotation ended the earlier overlap: the first secret is refused already.
    expect((await post(first)).status).toBe(401);

    // Without an overlap, and when the secret is set by hand, the old one stops at once.
    const fourth = await rotate(0);
    expect(fourth.body).toMatchObject({
      previousSecretExpiresAt: null,
      secretsSet: ['signingSecret'],
    });
    expect((await post(third.body.signingSecret)).status).toBe(401);
    expect((await post(fourth.body.signingSecret)).status).toBe(202);
    await rotate(3600);
    const byHand = randomBytes(24).toString('hex');
    await call('PATCH', `/inboxes/${inboxId}`, admin, {
      settings: { api: { callbackUrl: null }, signingSecret: byHand },
    });
    expect((await post(fourth.body.signingSecret)).status).toBe(401);
    expect((await post(byHand)).status).toBe(202);
  });

  it('invites an agent with a one-time token that sets their name and password', async () => {
    const invited = await call<{
      agent: AgentBody;
      invitationToken: string;
      invitationPath: string;
    }>('POST', '/agents', admin, {
      email: 'invitee@example.test',
      name: 'Invitee',
      role: 'supervisor',
    });
    expect(invited.status).toBe(201);
    const { invitationToken } = invited.body;
    expect(invitationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The link to send: the inbox's page for the token, with the workspace to sign in to.
    expect(invited.body.invitationPath).toBe(
      `/invitations/${invitationToken}?workspace=${workspace.slug}`,
    );
    const accept = (name: string) =>
      api.call('POST', `/api/v1/agent-invitations/${invitationToken}/accept`, {
        body: { name, password: 'a new password 1' },
      });

    expect(await accept('Ivy Invitee')).toMatchObject({
      status: 200,
      body: { name: 'Ivy Invitee', role: 'supervisor' },
    });
    expect(await accept('Mallory')).toMatchObject({
      status: 404,
      body: { code: 'ROUTING_INVITATION_INVALID' },
    });
    await expect(
      api.login(workspace.slug, 'invitee@example.test', 'a new password 1'),
    ).resolves.toEqual(expect.any(String));
    expect(
      await call('POST', '/agents', admin, {
        email: 'INVITEE@example.test',
        name: 'x',
        role: 'agent',
      }),
    ).toMatchObject({ status: 409, body: { code: 'ROUTING_AGENT_EMAIL_TAKEN' } });
  });

  it('lets agents change their own password, proving the current one', async () => {
    const { ada } = workspace.agents;
    expect(
      await call('PUT', '/agents/me/password', agent, {
        currentPassword: 'wrong',
        newPassword: 'ada new password',
      }),
    ).toMatchObject({ status: 401, body: { code: 'AUTH_INVALID_CREDENTIALS' } });
    expect(
      await call('PUT', '/agents/me/password', agent, {
        currentPassword: ada.password,
        newPassword: 'ada new password',
      }),
    ).toMatchObject({ status: 200 });
    await expect(api.login(workspace.slug, ada.email, 'ada new password')).resolves.toEqual(
      expect.any(String),
    );
    ada.password = 'ada new password';
  });

  it('refuses agents every admin route', async () => {
    const { ada } = workspace.agents;
    const attempts: [string, string, unknown?][] = [
      [
        'POST',
        '/agents',
        { email: 'x@example.test', name: 'X', role: 'admin', password: 'long enough pw' },
      ],
      ['PATCH', `/agents/${ada.id}`, { role: 'admin' }],
      ['POST', '/departments', { name: 'Mine' }],
      ['DELETE', `/departments/${workspace.departmentId}`],
      ['GET', '/inboxes'],
      ['POST', '/inboxes', { channel: 'web', name: 'Mine', settings: {} }],
      ['PATCH', `/inboxes/${workspace.inboxId}`, { name: 'Mine' }],
      ['DELETE', `/inboxes/${workspace.inboxId}`],
      ['GET', `/inboxes/${workspace.inboxId}/snippet`],
    ];
    for (const [method, path, body] of attempts) {
      const { status } = await call(method, path, agent, body);
      expect({ method, path, status }).toEqual({ method, path, status: 403 });
    }
  });

  it("shows another workspace's admin nothing of this one", async () => {
    const other = await createWorkspace(suite.database.url, { boss: AgentRole.Admin });
    const boss = await api.login(other.slug, other.agents.boss.email, other.agents.boss.password);
    const inboxes = await call<InboxBody[]>('GET', '/inboxes', boss);
    expect(inboxes.body.map((inbox) => inbox.id)).toEqual([other.inboxId]);
    const agents = await call<AgentBody[]>('GET', '/agents', boss);
    expect(agents.body.map((a) => a.id)).toEqual([other.agents.boss.id]);
    for (const [method, path, body] of [
      ['GET', `/inboxes/${workspace.inboxId}`],
      ['PATCH', `/inboxes/${workspace.inboxId}`, { name: 'Taken over' }],
      ['DELETE', `/inboxes/${workspace.inboxId}`],
      ['PATCH', `/agents/${workspace.agents.ada.id}`, { active: false }],
      ['PATCH', `/departments/${workspace.departmentId}`, { name: 'Taken over' }],
      ['DELETE', `/departments/${workspace.departmentId}`],
    ] as [string, string, unknown?][]) {
      const { status } = await call(method, path, boss, body);
      expect({ method, path, status }).toEqual({ method, path, status: 404 });
    }
    const ownDepartment = await call('PATCH', `/departments/${other.departmentId}`, boss, {
      agentIds: [workspace.agents.ada.id],
    });
    expect(ownDepartment).toMatchObject({ status: 404, body: { code: 'AGENT_NOT_FOUND' } });
  });

  it('deletes a custom attribute with every customer’s value of it, audited and announced', async () => {
    const define = (key: string, body: object) =>
      call<{ id: string }>('POST', '/customer-attributes', admin, { key, label: key, ...body });
    const tier = await define('tier', { type: 'list', options: ['gold', 'silver'] });
    await define('region', { type: 'text' });
    const customer = (attributes: object) =>
      call<{ id: string }>('POST', '/customers', admin, { name: 'Attributed', attributes });
    const gold = await customer({ tier: 'gold', region: 'Kansai' });
    const silver = await customer({ tier: 'silver' });
    const regionOnly = await customer({ region: 'Kanto' });
    const changed: CustomerChanged[] = [];
    const events = suite.nc.subscribe(
      namespacedSubject(suite.namespace, 'evt.crm.customer.changed.v1'),
      {
        callback: (_, message) => {
          changed.push(message.json<CustomerChanged>());
        },
      },
    );
    try {
      const other = await createWorkspace(suite.database.url, { boss: AgentRole.Admin });
      const boss = await api.login(other.slug, other.agents.boss.email, other.agents.boss.password);
      const path = `/customer-attributes/${tier.body.id}`;
      expect(await call('DELETE', path, boss)).toMatchObject({
        status: 404,
        body: { code: 'CUSTOMER_ATTRIBUTE_NOT_FOUND' },
      });
      expect(await call('DELETE', path, agent)).toMatchObject({
        status: 403,
        body: { code: 'AUTH_FORBIDDEN' },
      });

      const deleted = await call('DELETE', path, admin);
      expect(deleted).toMatchObject({
        status: 200,
        body: { definition: { id: tier.body.id, key: 'tier' }, valuesRemoved: 2 },
      });
      expect(await call('DELETE', path, admin)).toMatchObject({ status: 404 });
      const attributesOf = async (id: string) =>
        (await call<{ attributes: object }>('GET', `/customers/${id}`, admin)).body.attributes;
      expect(await attributesOf(gold.body.id)).toEqual({ region: 'Kansai' });
      expect(await attributesOf(silver.body.id)).toEqual({});
      expect(await attributesOf(regionOnly.body.id)).toEqual({ region: 'Kanto' });
      const listed = await call<{ key: string }[]>('GET', '/customer-attributes', admin);
      expect(listed.body.map((d) => d.key)).not.toContain('tier');

      const { rows: audited } = await db.query<{ entity_id: string; changes: unknown }>(
        `SELECT entity_id, changes FROM crm.audit_entries
          WHERE action = 'updated' AND changes @> '[{"field": "attributes.tier"}]'::jsonb
          ORDER BY entity_id`,
      );
      expect(audited).toEqual(
        [
          {
            entity_id: gold.body.id,
            changes: [{ field: 'attributes.tier', from: 'gold', to: null }],
          },
          {
            entity_id: silver.body.id,
            changes: [{ field: 'attributes.tier', from: 'silver', to: null }],
          },
        ].sort((a, b) => a.entity_id.localeCompare(b.entity_id)),
      );
      const removals = () =>
        changed.filter((event) => event.changes.some((c) => c.field === 'attributes.tier'));
      await waitFor(
        () => removals().length === 2,
        15_000,
        () => `events so far: ${JSON.stringify(changed)}`,
      );
      expect(
        removals()
          .map((event) => [event.customerId, event.action])
          .sort(),
      ).toEqual(
        [
          [gold.body.id, 'updated'],
          [silver.body.id, 'updated'],
        ].sort(),
      );

      // The key is free again, and nothing of the old values comes back with it.
      expect((await define('tier', { type: 'text' })).status).toBe(201);
      expect(await attributesOf(silver.body.id)).toEqual({});
    } finally {
      events.unsubscribe();
    }
  });

  it('refuses to delete a department while a conversation waits in it, and deletes it after', async () => {
    const department = await call<{ id: string }>('POST', '/departments', admin, { name: 'Queue' });
    const conversationId = randomUUID();
    await db.query(
      `insert into routing.routes (conversation_id, workspace_id, department_id, state, opened_at,
                                   opened_event_id, applied_department_id)
       values ($1, $2, $3, 'queued', now(), $4, $3)`,
      [conversationId, workspace.id, department.body.id, `test-${conversationId}`],
    );
    expect(await call('DELETE', `/departments/${department.body.id}`, admin)).toMatchObject({
      status: 409,
      body: { code: 'ROUTING_DEPARTMENT_NOT_EMPTY' },
    });
    await db.query(`delete from routing.routes where conversation_id = $1`, [conversationId]);
    expect(await call('DELETE', `/departments/${department.body.id}`, admin)).toMatchObject({
      status: 200,
      body: { id: department.body.id },
    });
  });

  it("ends a deactivated agent's session and socket at once, and lets them back when reactivated", async () => {
    const created = await call<{ agent: AgentBody }>('POST', '/agents', admin, {
      email: 'leaving@example.test',
      name: 'Leaving',
      role: 'agent',
      password: 'leaving password',
    });
    const token = await api.login(workspace.slug, 'leaving@example.test', 'leaving password');
    const { client: socket } = await AgentSocketClient.connect(
      suite.hub.service('gateway').url,
      token,
    );

    const removed = await call('DELETE', `/agents/${created.body.agent.id}`, admin);

    expect(removed).toMatchObject({ status: 200, body: { active: false } });
    expect((await socket.closed).code).toBe(4401);
    expect(await call('GET', '/agents/me', token)).toMatchObject({
      status: 401,
      body: { code: 'AUTH_SESSION_REVOKED' },
    });
    await expect(
      api.login(workspace.slug, 'leaving@example.test', 'leaving password'),
    ).rejects.toThrow(/401/);
    expect(
      await call('PATCH', `/agents/${created.body.agent.id}`, admin, { active: true }),
    ).toMatchObject({ status: 200, body: { active: true } });
    await expect(
      api.login(workspace.slug, 'leaving@example.test', 'leaving password'),
    ).resolves.toEqual(expect.any(String));
  });

  it('keeps shared and personal canned responses, a shortcut unique within what one agent sees', async () => {
    const create = (token: string, body: object) =>
      call<{ id: string; scope: string; code?: string }>('POST', '/canned-responses', token, body);
    const shared = await create(admin, {
      scope: 'shared',
      shortcut: 'refund',
      text: 'Refunds take 5 days',
    });
    expect(shared).toMatchObject({ status: 201, body: { scope: 'shared' } });
    expect(await create(agent, { scope: 'shared', shortcut: 'mine', text: 'x' })).toMatchObject({
      status: 403,
    });
    expect(await create(agent, { scope: 'personal', shortcut: 'refund', text: 'x' })).toMatchObject(
      {
        status: 409,
        body: { code: 'CANNED_RESPONSE_SHORTCUT_TAKEN' },
      },
    );
    const personal = await create(agent, { scope: 'personal', shortcut: 'sig', text: '— Ada' });
    expect(personal).toMatchObject({ status: 201, body: { scope: 'personal' } });
    // Another agent's personal shortcut does not clash with a colleague's.
    expect(
      await create(admin, { scope: 'personal', shortcut: 'sig', text: '— Root' }),
    ).toMatchObject({
      status: 201,
    });
    expect(await create(admin, { scope: 'shared', shortcut: 'sig', text: 'x' })).toMatchObject({
      status: 409,
    });

    const seen = await call<{ shortcut: string; scope: string }[]>(
      'GET',
      '/canned-responses',
      agent,
    );
    expect(seen.body.map(({ shortcut, scope }) => `${scope}:${shortcut}`)).toEqual([
      'shared:hello',
      'shared:refund',
      'personal:sig',
    ]);
    expect(
      await call('PATCH', `/canned-responses/${shared.body.id}`, agent, {
        text: 'Instant refunds!',
      }),
    ).toMatchObject({ status: 403, body: { code: 'CANNED_RESPONSE_FORBIDDEN' } });
    expect(await call('DELETE', `/canned-responses/${personal.body.id}`, admin)).toMatchObject({
      status: 404,
    });
    expect(
      await call('PATCH', `/canned-responses/${personal.body.id}`, agent, {
        shortcut: 'signature',
      }),
    ).toMatchObject({ status: 200, body: { shortcut: 'signature' } });
    expect(await call('DELETE', `/canned-responses/${shared.body.id}`, admin)).toMatchObject({
      status: 200,
    });
  });

  it('issues an API key once, lists it by prefix and revokes it', async () => {
    const issued = await call<{ id: string; key: string; prefix: string }>(
      'POST',
      '/api-keys',
      admin,
      {
        name: 'Order system',
      },
    );
    expect(issued).toMatchObject({ status: 201, body: { name: 'Order system', lastUsedAt: null } });
    expect(issued.body.key.startsWith(issued.body.prefix)).toBe(true);
    const listed = await call<{ id: string }[]>('GET', '/api-keys', admin);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: issued.body.id, prefix: issued.body.prefix }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.key);
    expect((await call('GET', '/api-keys', agent)).status).toBe(403);

    expect(await call('DELETE', `/api-keys/${issued.body.id}`, admin)).toMatchObject({
      status: 200,
    });
    expect(await call('DELETE', `/api-keys/${issued.body.id}`, admin)).toMatchObject({
      status: 404,
      body: { code: 'API_KEY_NOT_FOUND' },
    });
    expect((await call('GET', '/api-keys', admin)).body).toEqual([]);
  });

  it('creates a workspace with its first admin only with the operator token while signup is closed', async () => {
    const signup = (body: unknown, token?: string) =>
      api.call('POST', '/api/v1/workspaces', {
        body,
        headers: token ? { 'x-operator-token': token } : {},
      });
    const body = {
      name: '新しい店',
      slug: `shop-${randomBytes(4).toString('hex')}`,
      admin: { email: 'owner@shop.example', name: 'Owner', password: 'owner password' },
    };

    expect(await signup(body)).toMatchObject({ status: 403, body: { code: 'SIGNUP_CLOSED' } });
    expect(await signup(body, 'not-the-operator-token-at-all-0000000000')).toMatchObject({
      status: 403,
      body: { code: 'SIGNUP_CLOSED' },
    });
    expect(await signup(body, OPERATOR_TOKEN)).toMatchObject({
      status: 201,
      body: { slug: body.slug, admin: { role: 'admin', email: 'owner@shop.example' } },
    });
    const owner = await api.login(body.slug, 'owner@shop.example', 'owner password');
    expect(await call('GET', '/inboxes', owner)).toMatchObject({ status: 200, body: [] });
    expect(await signup(body, OPERATOR_TOKEN)).toMatchObject({
      status: 409,
      body: { code: 'WORKSPACE_SLUG_TAKEN' },
    });
    // The fifth from this IP within the hour (SIGNUP_IP_MAX_PER_HOUR=4).
    expect(await signup(body, OPERATOR_TOKEN)).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED' },
    });
  });

  describe('settings screens', () => {
    const SCREENS = ['agents', 'departments', 'inboxes', 'canned-responses', 'api-keys'] as const;

    it('let an admin add an agent, a department and a web inbox; the agent then takes a visitor’s chat', async () => {
      const team = await createWorkspace(suite.database.url, { boss: AgentRole.Admin });
      const boss = await openInbox(hub, team, team.agents.boss);
      const { page } = boss;
      const text = (key: string) => inboxText('en-US', 'settings', key);
      const go = (screen: (typeof SCREENS)[number]) => openSettingsScreen(page, 'en-US', screen);
      await page.getByRole('link', { name: inboxText('en-US', 'app', 'nav.settings') }).click();

      await go('agents');
      await page.getByLabel(text('agents.email')).fill('mei@example.test');
      await page.getByLabel(text('agents.name'), { exact: true }).fill('Mei');
      await page.getByLabel(text('agents.password')).fill('mei password 1');
      await page.getByRole('button', { name: text('agents.submit') }).click();
      await page.getByRole('cell', { name: 'mei@example.test', exact: true }).waitFor();

      await go('departments');
      await page.getByLabel(text('departments.name')).fill('Web sales');
      await page.getByRole('checkbox', { name: 'Mei' }).check();
      await page.getByRole('button', { name: text('departments.submit') }).click();
      await page.getByRole('cell', { name: 'Web sales', exact: true }).waitFor();
      await page.getByRole('cell', { name: 'Mei', exact: true }).waitFor();

      await go('inboxes');
      await page.getByLabel(text('inboxes.name')).first().fill('Storefront');
      await page.getByRole('button', { name: text('inboxes.submitWeb') }).click();
      await page.getByRole('cell', { name: 'Storefront', exact: true }).waitFor();
      await page
        .getByRole('button', {
          name: text('inboxes.showSnippet').replace('{{name}}', 'Storefront'),
        })
        .click();
      const snippet = await page.getByLabel(text('inboxes.snippet')).inputValue();
      expect(snippet).toMatch(
        /^<script async src="https:\/\/chat\.example\.test\/widget\.js" data-inbox="[0-9a-f-]{36}"><\/script>$/,
      );
      const inboxId = /data-inbox="([^"]+)"/.exec(snippet)![1];
      for (const screen of SCREENS) {
        await go(screen);
        await boss.screenshot(`settings-${screen}`);
      }
      expect(boss.watch.pageErrors).toEqual([]);
      await boss.close();

      const mei = await openInbox(hub, team, {
        id: '',
        name: 'Mei',
        email: 'mei@example.test',
        password: 'mei password 1',
        role: AgentRole.Agent,
      });
      // She goes online, as an agent starting the day does.
      await mei.page
        .getByRole('combobox', { name: inboxText('en-US', 'app', 'presence.label') })
        .selectOption('online');
      const web = suite.hub.service('connector-web').url;
      const { client: visitor } = await VisitorClient.greeted(web, {
        token: (await newSession(web, inboxId)).token,
      });
      visitor.send({
        type: 'message.send',
        ref: randomUUID(),
        clientMessageId: randomUUID(),
        content: 'Hello from the storefront',
      });
      // Routed to her (the only agent online): it shows in her list, assigned.
      const assigned = inboxText('en-US', 'conversations', 'status.assigned');
      await mei.page
        .getByRole('link', { name: new RegExp(assigned) })
        .first()
        .waitFor({ timeout: 30_000 });
      await mei.screenshot('settings-new-agent-chat');
      await visitor.close();
      await mei.close();
    }, 120_000);

    it('are in Japanese for an admin whose profile says so, CJK rendered', async () => {
      const team = await createWorkspace(suite.database.url, { kenji: AgentRole.Admin });
      const token = await api.login(team.slug, team.agents.kenji.email, team.agents.kenji.password);
      await call('PATCH', `/agents/${team.agents.kenji.id}`, token, { locale: 'ja' });
      const locale: Locale = 'ja-JP';
      const kenji = await openInbox(hub, team, team.agents.kenji, { locale });
      await kenji.page.goto(`${suite.hub.service('gateway').url}/settings`);
      for (const screen of SCREENS) {
        await openSettingsScreen(kenji.page, locale, screen);
        await kenji.screenshot(`settings-${screen}`);
      }
      expect(kenji.watch.pageErrors).toEqual([]);
      await kenji.close();
    }, 120_000);
  });
});
