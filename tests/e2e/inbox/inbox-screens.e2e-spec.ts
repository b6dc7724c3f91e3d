import { randomUUID } from 'node:crypto';
import { hashPassword } from '@hub/auth';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { startBlinkingLink, type BlinkingLink } from '../support/blinking-link';
import type { Locale } from '../support/browser';
import { useWidgetSuite } from '../support/browser-hub';
import { inboxText, openInbox, TABLET, type InboxAgent } from '../support/inbox';
import type { FixtureAgent } from '../support/workspace-fixture';
import { EN, findOnlineVisitor, panelOf, waitForWidget, widgetOf } from '../support/widget';

const WAIT_MS = 15_000;
const INVITE = 'Hello! Can I help you with anything?';
const DRAFT = 'I need a refund for order 42';
const FOLLOW_UP = 'The refund has still not arrived';
const WHILE_AWAY = 'Is anyone still watching?';

/** A supervisor of the suite's workspace, inserted as the fixtures insert agents. */
async function addSupervisor(databaseUrl: string, workspaceId: string): Promise<FixtureAgent> {
  const password = randomUUID();
  const email = `sue-${randomUUID().slice(0, 8)}@example.test`;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO routing.agents (workspace_id, name, email, role, password_hash)
       VALUES ($1, '須藤 Sue', $2, $3, $4) RETURNING id`,
      [workspaceId, email, AgentRole.Supervisor, await hashPassword(password)],
    );
    return { id: rows[0].id, name: 'sue', email, password, role: AgentRole.Supervisor };
  } finally {
    await db.end();
  }
}

/** Opens a screen from the main navigation, as a person would. */
async function openScreen(agent: InboxAgent, navKey: string): Promise<void> {
  const nav = agent.page.getByRole('navigation', {
    name: inboxText(agent.locale, 'app', 'nav.label'),
  });
  await nav.getByRole('link', { name: inboxText(agent.locale, 'app', navKey) }).click();
}

const say = (locale: Locale, namespace: string, key: string) => inboxText(locale, namespace, key);

// The screens agents and supervisors work in besides the conversations: live visitors, tickets,
// the supervisor's view and the customer panel, against the real hub in two browser contexts
// (a visitor on a host page with the widget; ada, then sue the supervisor, in the inbox).
describe('the inbox screens: visitors, tickets, supervisor, customer', () => {
  const suite = useWidgetSuite('inbox_screens');
  let ada: InboxAgent;
  let sue: InboxAgent;
  let link: BlinkingLink | undefined;
  let supervisor: FixtureAgent;
  let visitorPage: Page;
  let conversationId: string;
  let customerId: string;

  afterAll(async () => {
    await ada?.close();
    await sue?.close();
    await link?.close();
  });

  it('shows a visitor arriving live, and the agent invites them from the visitor list', async () => {
    const { workspace } = suite.world;
    ada = await openInbox(suite.hub, workspace, workspace.agents.ada);
    await openScreen(ada, 'nav.visitors');
    await ada.page.getByRole('heading', { name: say('en-US', 'visitors', 'title') }).waitFor();

    ({ page: visitorPage } = await suite.hub.browser.visitor('en-US'));
    const mark = randomUUID();
    await visitorPage.goto(suite.world.site.pageUrl('index.html', { visit: mark }));
    await waitForWidget(visitorPage);
    const visitor = await findOnlineVisitor(suite.hub.gateway, suite.token, (v) =>
      v.currentUrl.includes(mark),
    );

    // Pushed by the socket's visitor.arrived: no reload.
    const row = ada.page.getByRole('row').filter({ hasText: mark });
    await row.getByRole('button', { name: visitor.currentTitle }).click();
    await ada.page.getByRole('heading', { name: say('en-US', 'visitors', 'trail') }).waitFor();
    await ada.screenshot('visitors');
    await ada.page.getByRole('button', { name: say('en-US', 'visitors', 'invite') }).click();
    await ada.page
      .getByRole('status')
      .getByText(say('en-US', 'visitors', 'invited'))
      .waitFor();

    const invitation = widgetOf(visitorPage).getByRole('dialog', { name: EN.invitation });
    await invitation.getByText(INVITE).waitFor({ timeout: WAIT_MS });
    // The visitor accepts: the chat opens assigned to ada, who invited them (and routing counts
    // it on her load, so the supervisor can take it over below).
    await invitation.getByRole('button', { name: EN.startChat }).click();
    await panelOf(visitorPage).waitFor();
    const assigned = await suite.agent.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { customerExternalId: string }).customerExternalId ===
          visitor.visitorId &&
        (f.conversation as { assigneeId: string | null }).assigneeId === workspace.agents.ada.id,
      WAIT_MS,
      'the visitor’s chat assigned to ada',
    );
    conversationId = (assigned.conversation as { id: string }).id;
    await row.getByText(say('en-US', 'visitors', 'chatting')).waitFor({ timeout: WAIT_MS });
    expect(ada.watch.pageErrors).toEqual([]);
  });

  it('lets a supervisor watch the chat with the customer’s draft, note it to the agent and take it over', async () => {
    const { workspace } = suite.world;
    supervisor = await addSupervisor(suite.hub.suite.database.url, workspace.id);
    // Sue's browser reaches the gateway through a link the test can cut.
    link = await startBlinkingLink(suite.hub.suite.hub.service('gateway').url);
    sue = await openInbox(suite.hub, workspace, supervisor, {
      locale: 'ja-JP',
      viewport: TABLET,
      origin: link.url,
    });
    await openScreen(sue, 'nav.supervisor');
    // The transcript is read once per watch; what is stored after comes over the socket.
    const transcriptReads: string[] = [];
    sue.page.on('request', (request) => {
      if (request.method() === 'GET' && request.url().includes(`/${conversationId}/messages`))
        transcriptReads.push(request.url());
    });
    await sue.page
      .getByRole('button', {
        name: say('ja-JP', 'supervisor', 'watchChatOf').replace('{{name}}', 'ada'),
      })
      .click();
    await sue.page.getByRole('heading', { name: /ada/ }).waitFor();
    const transcript = sue.page.getByRole('list', {
      name: say('ja-JP', 'supervisor', 'transcript'),
    });
    await transcript.getByText(INVITE).waitFor({ timeout: WAIT_MS });

    // The customer types without sending: the supervisor sees it, read-only.
    const composer = widgetOf(visitorPage).getByRole('textbox', { name: EN.composer });
    await composer.pressSequentially(DRAFT, { delay: 10 });
    const draft = sue.page.getByRole('region', { name: say('ja-JP', 'supervisor', 'draft') });
    await draft.getByText(DRAFT).waitFor({ timeout: WAIT_MS });

    // Then sends it: pushed into the watched transcript at once, not read again.
    await widgetOf(visitorPage).getByRole('button', { name: EN.send, exact: true }).click();
    await transcript.getByText(DRAFT).waitFor({ timeout: 2_000 });
    await sue.screenshot('supervisor-watching');
    // Longer than the old 3-second re-read: still the one read of the watch.
    await sue.page.waitForTimeout(3_500);
    expect(transcriptReads).toHaveLength(1);

    // The network drops while the customer writes: back online, the watch is asked again and
    // the transcript read once more, which fills the gap.
    link.cut();
    await sue.page
      .getByRole('status')
      .getByText(say('ja-JP', 'app', 'connection.reconnecting'))
      .waitFor();
    await composer.fill(WHILE_AWAY);
    await widgetOf(visitorPage).getByRole('button', { name: EN.send, exact: true }).click();
    link.restore();
    await transcript.getByText(WHILE_AWAY).waitFor({ timeout: 20_000 });
    await sue.page.waitForTimeout(3_500);
    expect(transcriptReads).toHaveLength(2);
    expect(await transcript.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining(INVITE),
      expect.stringContaining(DRAFT),
      expect.stringContaining(WHILE_AWAY),
    ]);

    // A private note reaches the assigned agent on her socket.
    await sue.page.getByLabel(say('ja-JP', 'supervisor', 'note')).fill('返金は承認済みです');
    await sue.page.getByRole('button', { name: say('ja-JP', 'supervisor', 'sendNote') }).click();
    const told = await suite.agent.waitFor(
      (f) => f.type === 'conversation.note' && f.conversationId === conversationId,
      WAIT_MS,
      'the note on ada’s socket',
    );
    expect((told.note as { body: string }).body).toBe('返金は承認済みです');

    await sue.page.getByRole('button', { name: say('ja-JP', 'supervisor', 'takeOver') }).click();
    await sue.page.getByRole('button', { name: say('ja-JP', 'supervisor', 'yours') }).waitFor();
    const taken = await suite.hub.gateway.call<{ assigneeId: string; customerId: string }>(
      'GET',
      `/api/v1/conversations/${conversationId}`,
      { token: suite.token },
    );
    expect(taken.body.assigneeId).toBe(supervisor.id);
    customerId = taken.body.customerId;

    // An agent may not watch a chat that is not hers.
    const refused = await suite.agent.request({ type: 'conversation.watch', conversationId });
    expect(refused).toMatchObject({ type: 'error', code: 'AUTH_FORBIDDEN' });
    expect(sue.watch.pageErrors).toEqual([]);
  });

  it('reopens a ticket made from the chat when the customer writes again, and shows it on the ticket screen', async () => {
    const token = await suite.hub.gateway.login(
      suite.world.workspace.slug,
      supervisor.email,
      supervisor.password,
    );
    const created = await suite.hub.gateway.call<{ id: string; version: number }>(
      'POST',
      '/api/v1/tickets',
      { token, body: { subject: '返金の件', conversationId } },
    );
    expect(created.status).toBe(201);
    const solved = await suite.hub.gateway.call<{ status: string }>(
      'PATCH',
      `/api/v1/tickets/${created.body.id}`,
      { token, body: { status: 'solved', version: created.body.version } },
    );
    expect(solved.body.status).toBe('solved');

    await widgetOf(visitorPage).getByRole('textbox', { name: EN.composer }).fill(FOLLOW_UP);
    await widgetOf(visitorPage).getByRole('button', { name: EN.send, exact: true }).click();
    await waitFor(
      async () =>
        (
          await suite.hub.gateway.call<{ status: string }>(
            'GET',
            `/api/v1/tickets/${created.body.id}`,
            { token },
          )
        ).body.status === 'open',
      WAIT_MS,
      () => 'the ticket reopened by the customer’s message',
    );

    await openScreen(sue, 'nav.tickets');
    await sue.page.getByRole('button', { name: '返金の件' }).click();
    const detail = sue.page.getByRole('complementary', { name: '返金の件' });
    await detail
      .getByText(say('ja-JP', 'tickets', 'action.reopened'))
      .waitFor({ timeout: WAIT_MS });
    await expect(
      detail.getByLabel(say('ja-JP', 'tickets', 'field.status')).inputValue(),
    ).resolves.toBe('open');
    await sue.screenshot('tickets');

    // Someone else changes it meanwhile: saving on the old version is a conflict, said plainly.
    const current = await suite.hub.gateway.call<{ version: number }>(
      'GET',
      `/api/v1/tickets/${created.body.id}`,
      { token },
    );
    await suite.hub.gateway.call('PATCH', `/api/v1/tickets/${created.body.id}`, {
      token,
      body: { priority: 'high', version: current.body.version },
    });
    await detail.getByLabel(say('ja-JP', 'tickets', 'field.priority')).selectOption('urgent');
    await detail.getByRole('button', { name: say('ja-JP', 'tickets', 'save') }).click();
    await detail
      .getByRole('alert')
      .getByText(say('ja-JP', 'tickets', 'conflict'))
      .waitFor();
    await sue.screenshot('ticket-conflict');
    await detail.getByRole('button', { name: say('ja-JP', 'tickets', 'reload') }).click();
    const priority = detail.getByLabel(say('ja-JP', 'tickets', 'field.priority'));
    await waitFor(
      async () => (await priority.inputValue()) === 'high',
      WAIT_MS,
      () => 'the form showing the latest version',
    );
  });

  it('shows the customer with their chats, tickets and pages visited', async () => {
    await ada.page.goto(`${suite.hub.suite.hub.service('gateway').url}/customers/${customerId}`);
    const panel = ada.page.getByRole('complementary', { name: say('en-US', 'customers', 'title') });
    await panel.getByRole('link', { name: '返金の件' }).waitFor({ timeout: WAIT_MS });
    await panel.getByRole('heading', { name: say('en-US', 'customers', 'trail') }).waitFor();
    await panel.getByRole('button', { name: say('en-US', 'customers', 'edit') }).click();
    await panel
      .getByRole('textbox', { name: say('en-US', 'customers', 'field.name'), exact: true })
      .fill('山田 花子');
    await panel.getByRole('button', { name: say('en-US', 'customers', 'save') }).click();
    await panel.getByRole('heading', { name: '山田 花子' }).waitFor();
    await ada.screenshot('customer');
    expect(ada.watch.pageErrors).toEqual([]);
  });
});
