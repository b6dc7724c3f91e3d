import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { AgentSocketClient } from '../support/agent-socket-client';
import { LOCALES, type Visitor } from '../support/browser';
import { startBlinkingLink, type BlinkingLink } from '../support/blinking-link';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { startHostSite, type HostSite } from '../support/host-site';
import { inboxText, openInbox, TABLET, type InboxAgent } from '../support/inbox';
import { EN, launcherOf, messageLogOf, waitForWidget, widgetOf } from '../support/widget';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const DIST = path.resolve(__dirname, '..', '..', '..', 'dist', 'apps', 'inbox');
const HOSTILE = `<script>alert('msg')</script><img src=x onerror="alert('img')">`;
const en = (namespace: string, key: string) => inboxText('en-US', namespace, key);

/** The app's entry script, as the build named it in index.html. */
function entryScript(): string {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const match = /src="(\/assets\/[^"]+\.js)"/.exec(html);
  if (!match) throw new Error('no entry script in dist/apps/inbox/index.html (npx nx build inbox)');
  return match[1];
}

interface Conversation {
  id: string;
  assigneeId: string | null;
  status: string;
  customerExternalId: string;
}

describe('the inbox app', () => {
  let hub: BrowserHub;
  let link: BlinkingLink;
  let workspace: WorkspaceFixture;
  let site: HostSite;
  let ada: InboxAgent | undefined;
  let visitor: Visitor | undefined;
  let bo: AgentSocketClient | undefined;
  const gatewayUrl = () => hub.suite.hub.service('gateway').url;

  beforeAll(async () => {
    hub = await startBrowserHub('inbox_app');
    // Ada's browser reaches the gateway through a link the test can cut.
    link = await startBlinkingLink(gatewayUrl());
    workspace = await createWorkspace(hub.suite.database.url, {
      ada: AgentRole.Agent,
      bo: AgentRole.Agent,
      sue: AgentRole.Supervisor,
    });
    const db = new Client({ connectionString: hub.suite.database.url });
    await db.connect();
    await db.query(
      `UPDATE conversation.inboxes SET settings = jsonb_set(settings, '{widget}', '{}'::jsonb) WHERE id = $1`,
      [workspace.inboxId],
    );
    await db.end();
    site = await startHostSite({ hubOrigin: hub.webUrl, inboxId: workspace.inboxId });
  }, 180_000);

  afterEach(async () => {
    link?.restore();
    // The last state of the agent's page, to look at when a step failed.
    await ada?.screenshot('last-state').catch(() => undefined);
  });

  afterAll(async () => {
    bo?.close();
    await ada?.close();
    await site?.close();
    await link?.close();
    await hub?.stop();
  });

  const token = (name: 'ada' | 'bo' | 'sue') =>
    hub.gateway.login(
      workspace.slug,
      workspace.agents[name].email,
      workspace.agents[name].password,
    );

  async function assignedConversation(): Promise<Conversation> {
    let found: Conversation | undefined;
    const sue = await token('sue');
    await waitFor(
      async () => {
        const { body } = await hub.gateway.call<{ items: Conversation[] }>(
          'GET',
          '/api/v1/conversations?view=all',
          { token: sue },
        );
        found = body.items.find((c) => c.assigneeId !== null);
        return found !== undefined;
      },
      20_000,
      () => 'the visitor’s conversation was never assigned',
    );
    return found!;
  }

  const visitorSends = async (text: string) => {
    const widget = widgetOf(visitor!.page);
    await widget.getByRole('textbox', { name: EN.composer }).fill(text);
    await widget.getByRole('button', { name: EN.send, exact: true }).click();
  };

  const transcriptOf = (page: Page) =>
    page.getByRole('list', { name: en('conversations', 'view.transcript') });

  it('is served at / and on client routes, uncached, under a CSP with no inline script', async () => {
    for (const route of ['/', '/conversations/some-id?view=all']) {
      const response = await fetch(`${gatewayUrl()}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+;/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  it('caches hashed assets for a year and leaves the API, health and unknown files alone', async () => {
    const asset = await fetch(`${gatewayUrl()}${entryScript()}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const api = await fetch(`${gatewayUrl()}/api/v1/conversations?view=all`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${gatewayUrl()}/health/live`)).status).toBe(200);
    expect((await fetch(`${gatewayUrl()}/assets/missing-abc.js`)).status).toBe(404);
  });

  it('carries an agent through a chat: online, draft, canned reply, note, hostile text, a dropped network, transfer, resolve, CSAT in the report', async () => {
    ada = await openInbox(hub, workspace, workspace.agents.ada, { origin: link.url });
    const { page } = ada;
    const nav = page.getByRole('navigation', { name: en('app', 'nav.label') });
    expect(await nav.getByRole('link', { name: en('app', 'nav.settings') }).count()).toBe(0);
    await page.getByLabel(en('app', 'presence.label')).selectOption('away');
    await page.getByLabel(en('app', 'presence.label')).selectOption('online');
    const online = async () => {
      const { body } = await hub.gateway.call<{ id: string; presence: string }[]>(
        'GET',
        '/api/v1/agents',
        {
          token: await token('sue'),
        },
      );
      return body.find((agent) => agent.id === workspace.agents.ada.id)?.presence === 'online';
    };
    await waitFor(online, 10_000, () => 'ada never went online');

    // A visitor writes; routing gives the chat to ada, the one agent online.
    visitor = await hub.browser.visitor('en-US');
    await visitor.page.goto(site.pageUrl('index.html'));
    await waitForWidget(visitor.page);
    await launcherOf(visitor.page).click();
    await visitorSends('Hello, where is my parcel?');
    // The workspace's one conversation.
    const conversation = await assignedConversation();
    await page
      .getByRole('region', { name: en('conversations', 'list.label') })
      .getByRole('link', { name: new RegExp(conversation.customerExternalId) })
      .click();
    await transcriptOf(page).getByText('Hello, where is my parcel?').waitFor();

    // The customer's draft, live.
    await widgetOf(visitor.page)
      .getByRole('textbox', { name: EN.composer })
      .pressSequentially('It was order 1234', { delay: 20 });
    await page
      .getByRole('status', { name: en('conversations', 'view.customerDraft') })
      .getByText('It was order 1234')
      .waitFor();
    await widgetOf(visitor.page).getByRole('button', { name: EN.send, exact: true }).click();
    await transcriptOf(page).getByText('It was order 1234').waitFor();

    // A canned response: `/hel`, Enter picks it, Enter sends; marked stored on the ack.
    const reply = page.getByRole('textbox', { name: en('conversations', 'composer.field.reply') });
    await reply.fill('/hel');
    await page.getByRole('option', { name: /\/hello/ }).waitFor();
    // While the list is open the field is its combobox.
    await page
      .getByRole('combobox', { name: en('conversations', 'composer.field.reply') })
      .press('Enter');
    expect(await reply.inputValue()).toBe('Hi there!');
    await reply.press('Enter');
    const sent = transcriptOf(page).getByRole('listitem').filter({ hasText: 'Hi there!' });
    // Stored, then (the visitor's widget is open on a visible page) delivered and read at once:
    // any of them says the hub has it.
    const confirmed = ['stored', 'delivered', 'read'].map((state) =>
      en('conversations', `delivery.${state}`),
    );
    await sent.getByText(new RegExp(confirmed.join('|'))).waitFor();
    await messageLogOf(visitor.page).getByText('Hi there!').waitFor();

    // A private note, shown apart and never to the visitor.
    await page.getByRole('tab', { name: en('conversations', 'composer.modes.note') }).click();
    const note = page.getByRole('textbox', { name: en('conversations', 'composer.field.note') });
    await note.fill('Parcel delayed at customs');
    await note.press('Enter');
    await transcriptOf(page)
      .getByRole('listitem', { name: en('conversations', 'view.note') })
      .getByText('Parcel delayed at customs')
      .waitFor();
    await page.getByRole('tab', { name: en('conversations', 'composer.modes.reply') }).click();

    // Hostile text from the customer is shown as text.
    await visitorSends(HOSTILE);
    await transcriptOf(page).getByText(HOSTILE).waitFor();
    // An address the customer wrote opens in a new tab; any other scheme stays text.
    await visitorSends('My order: https://shop.example/o/42. Or javascript:alert(1)');
    const orderLink = transcriptOf(page).getByRole('link', { name: 'https://shop.example/o/42' });
    expect(await orderLink.getAttribute('href')).toBe('https://shop.example/o/42');
    expect(await orderLink.getAttribute('rel')).toBe('noopener noreferrer');
    expect(
      await transcriptOf(page)
        .getByRole('link', { name: /javascript/ })
        .count(),
    ).toBe(0);
    await ada.screenshot('conversation');

    // The network drops; what the customer writes meanwhile arrives once, in order.
    link.cut();
    await page.getByRole('status').getByText(en('app', 'connection.reconnecting')).waitFor();
    await visitorSends('Are you there?');
    await visitorSends('Hello?');
    link.restore();
    await transcriptOf(page).getByText('Hello?').waitFor({ timeout: 20_000 });
    const texts = await transcriptOf(page).locator('.message-text').allInnerTexts();
    expect(texts.filter((text) => text === 'Are you there?' || text === 'Hello?')).toEqual([
      'Are you there?',
      'Hello?',
    ]);

    // Transfer to bo with a note; he hands it back; ada resolves it.
    const boLogin = await AgentSocketClient.connect(gatewayUrl(), await token('bo'));
    bo = boLogin.client;
    await page.getByRole('button', { name: en('conversations', 'actions.transfer') }).click();
    const transfer = page.getByRole('dialog', { name: en('conversations', 'transfer.title') });
    await transfer
      .getByLabel(en('conversations', 'transfer.to'))
      .selectOption(`agent:${workspace.agents.bo.id}`);
    await transfer
      .getByLabel(en('conversations', 'transfer.note'))
      .fill('Customs paperwork for you');
    await transfer.getByRole('button', { name: en('conversations', 'transfer.submit') }).click();
    await transcriptOf(page).getByText('Customs paperwork for you').waitFor();
    await bo.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as Conversation).id === conversation.id &&
        (f.conversation as Conversation).assigneeId === workspace.agents.bo.id,
      15_000,
      'the transfer to bo',
    );
    await bo.request({
      type: 'conversation.transfer',
      conversationId: conversation.id,
      toAgentId: workspace.agents.ada.id,
    });
    const resolve = page.getByRole('button', { name: en('conversations', 'actions.resolve') });
    await resolve.click();
    await page.getByRole('button', { name: en('conversations', 'actions.reopen') }).waitFor();

    // The visitor rates; the rating reaches the supervisor's report.
    const widget = widgetOf(visitor.page);
    await widget
      .getByRole('radiogroup', { name: EN.rate })
      .getByRole('radio', { name: '5 stars' })
      .click();
    await widget.getByRole('button', { name: EN.submitRating }).click();
    await widget.getByText(EN.ratingThanks).waitFor();
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const sue = await token('sue');
    await waitFor(
      async () => {
        const { body } = await hub.gateway.call<
          { key: string | null; csatDistribution: number[] }[]
        >('GET', `/api/v1/reports/kpis?from=${today}&to=${tomorrow}`, { token: sue });
        return body.some((row) => row.key === null && row.csatDistribution[4] === 1);
      },
      20_000,
      () => 'the 5-star rating never reached /api/v1/reports/kpis',
    );

    await ada.screenshot('conversation-resolved');
    await page.setViewportSize(TABLET);
    await ada.screenshot('conversation-tablet');
    await page.getByRole('link', { name: en('conversations', 'view.back') }).click();
    await ada.screenshot('list-tablet');
    expect(ada.watch).toMatchObject({ pageErrors: [], dialogs: [] });
    expect(visitor.watch).toMatchObject({ pageErrors: [], dialogs: [] });
  });

  it('speaks the four languages, from the browser', async () => {
    for (const locale of LOCALES.filter((l) => l !== 'en-US')) {
      const agent = await openInbox(hub, workspace, workspace.agents.sue, { locale });
      try {
        const nav = agent.page.getByRole('navigation', {
          name: inboxText(locale, 'app', 'nav.label'),
        });
        await nav.getByRole('link', { name: inboxText(locale, 'app', 'nav.supervisor') }).waitFor();
        await agent.screenshot('conversations');
        expect(agent.watch.pageErrors).toEqual([]);
      } finally {
        await agent.close();
      }
    }
  });
});
