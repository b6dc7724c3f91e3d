import { AgentRole } from '@hub/domain';
import { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { inboundMessage, publishInbound, storedConversationOf } from '../support/inbound';
import { inboxText, openInbox, type InboxAgent } from '../support/inbox';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const en = (namespace: string, key: string, values?: Record<string, unknown>) =>
  inboxText('en-US', namespace, key).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(values?.[name]),
  );

/** The DOM calls the screenshots need, without the DOM's types (the tests compile for Node). */
interface SizedElement {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

describe('the conversation list in the inbox: search, unread badges, tags', () => {
  let hub: BrowserHub;
  let workspace: WorkspaceFixture;
  let db: Client;
  let root: InboxAgent | undefined;

  beforeAll(async () => {
    hub = await startBrowserHub('inbox_list');
    workspace = await createWorkspace(hub.suite.database.url, { root: AgentRole.Admin });
    db = new Client({ connectionString: hub.suite.database.url });
    await db.connect();
  }, 180_000);

  afterEach(async () => {
    await root?.screenshot('list-last-state').catch(() => undefined);
  });

  afterAll(async () => {
    await root?.close();
    await db?.end();
    await hub?.stop();
  });

  /** A native select's pop-up is not in a screenshot: shown as a list box while `look` runs. */
  async function withOptionsShown(select: Locator, look: () => Promise<unknown>): Promise<void> {
    // A sized select is a list box, no longer the combobox the locator names: hold the element.
    const element = await select.elementHandle();
    await element.evaluate((node) => (node as unknown as SizedElement).setAttribute('size', '6'));
    await look();
    await element.evaluate((node) => (node as unknown as SizedElement).removeAttribute('size'));
    await element.dispose();
  }

  async function customerWrites(visitorId: string, content: string): Promise<string> {
    const publisher = new JetStreamPublisher(hub.suite.nc, hub.suite.namespace);
    const message = inboundMessage(
      { workspaceId: workspace.id, inboxId: workspace.inboxId },
      { customer: { externalId: visitorId, name: visitorId }, content },
    );
    await publishInbound(publisher, message);
    return storedConversationOf(db, message);
  }

  it('lets an admin keep tags, then find a Chinese message, read it and tag the conversation', async () => {
    await customerWrites('visitor-refund', '你好，我想申请退款，谢谢');
    await customerWrites('visitor-order', 'すみません、注文の確認をお願いします');
    await customerWrites('visitor-hello', 'Hello there');

    root = await openInbox(hub, workspace, workspace.agents.root);
    const { page } = root;
    const nav = page.getByRole('navigation', { name: en('app', 'nav.label') });

    // Settings > Tags: add one.
    await nav.getByRole('link', { name: en('app', 'nav.settings') }).click();
    await page.getByRole('link', { name: en('settings', 'nav.tags') }).click();
    await page.getByRole('heading', { name: en('settings', 'tags.title') }).waitFor();
    const form = page.getByRole('form', { name: en('settings', 'tags.add') });
    await form.getByLabel(en('settings', 'tags.name')).fill('VIP <b>');
    await form.getByRole('button', { name: en('settings', 'tags.submit') }).click();
    const tags = page.getByRole('table', { name: en('settings', 'tags.title') });
    await tags.getByRole('cell', { name: 'VIP <b>', exact: true }).waitFor();
    await root.screenshot('settings-tags');

    // The list: every customer message is unread, until the conversation is opened.
    await nav.getByRole('link', { name: en('app', 'nav.conversations') }).click();
    await page.getByRole('tab', { name: en('conversations', 'tabs.all') }).click();
    // The one with the tabs: the customer panel has a region of their conversations too.
    const list = page
      .getByRole('region', { name: en('conversations', 'list.label'), exact: true })
      .filter({ has: page.getByRole('tablist') });
    const rows = list.getByRole('listitem');
    await list.getByRole('link', { name: /visitor-hello/ }).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await list.getByLabel(en('conversations', 'list.unread', { count: 1 })).count()).toBe(3);

    // Search by a word inside a Chinese sentence: the hub finds it.
    await list.getByRole('searchbox', { name: en('conversations', 'filters.search') }).fill('退款');
    await list.getByRole('link', { name: /visitor-order/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await root.screenshot('list-search-zh');

    // Open it: read (the hub keeps it), and tag it from the header.
    await list.getByRole('link', { name: /visitor-refund/ }).click();
    await page.getByText('你好，我想申请退款，谢谢').waitFor();
    const header = page.getByRole('group', { name: en('conversations', 'tags.label') });
    await header
      .getByRole('combobox', { name: en('conversations', 'tags.add') })
      .selectOption({ label: 'VIP <b>' });
    await header
      .getByRole('button', { name: en('conversations', 'tags.remove', { name: 'VIP <b>' }) })
      .waitFor();
    await list
      .getByRole('link', { name: /visitor-refund/ })
      .getByText('VIP <b>')
      .waitFor();
    await root.screenshot('conversation-tags');

    // Back to every conversation, filtered by the tag: just the one, and no longer unread.
    await list.getByRole('searchbox', { name: en('conversations', 'filters.search') }).fill('');
    await list.getByRole('link', { name: /visitor-order/ }).waitFor();
    await list
      .getByRole('combobox', { name: en('conversations', 'filters.tag') })
      .selectOption({ label: 'VIP <b>' });
    await list.getByRole('link', { name: /visitor-hello/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await list.getByRole('link', { name: /visitor-refund/ }).waitFor();
    const { rows: reads } = await db.query<{ last_read_seq: string }>(
      `select last_read_seq from conversation.agent_reads where agent_id = $1`,
      [workspace.agents.root.id],
    );
    expect(reads.map((read) => Number(read.last_read_seq))).toEqual([1]);
    await root.screenshot('list-by-tag');
  });

  it('loads more as the agent reaches the end of the list, by button or by scrolling, and offers SLA due-within filters', async () => {
    // 120 older conversations beside the three above: more than two pages of 50.
    await db.query(
      `insert into conversation.conversations
         (workspace_id, inbox_id, customer_id, customer_external_id, status, last_seq,
          created_at, updated_at)
       select $1, $2, gen_random_uuid(), 'older-' || lpad(i::text, 3, '0'), 'resolved', 0,
              now() - make_interval(days => 1, mins => i), now() - make_interval(days => 1, mins => i)
         from generate_series(1, 120) i`,
      [workspace.id, workspace.inboxId],
    );
    const agent = (root ??= await openInbox(hub, workspace, workspace.agents.root));
    const { page } = agent;
    // A fresh load: rows written straight into the database send no live event.
    await page.goto(`${new URL(page.url()).origin}/conversations?view=all`);
    const list = page
      .getByRole('region', { name: en('conversations', 'list.label'), exact: true })
      .filter({ has: page.getByRole('tablist') });
    const rows = list.getByRole('listitem');
    const loadMore = list.getByRole('button', { name: en('app', 'loadMore') });
    const rowCount = (count: number) =>
      waitFor(
        async () => (await rows.count()) === count,
        15_000,
        () => `${count} rows`,
      );

    // The first page, newest first; the button waits below the rows, out of view.
    await rowCount(50);
    await list.getByRole('link', { name: /older-047/ }).waitFor();
    expect(await loadMore.isVisible()).toBe(true);
    await agent.screenshot('list-first-page');
    // The button itself (a click that does not scroll): the second page.
    await loadMore.dispatchEvent('click');
    await rowCount(100);
    // Scrolling to the end loads the third, the last: the button goes.
    await rows.last().scrollIntoViewIfNeeded();
    await rowCount(123);
    await loadMore.waitFor({ state: 'detached' });
    const names = await list.getByRole('link').allTextContents();
    expect(new Set(names).size).toBe(123);
    expect(names.at(-1)).toContain('older-120');
    await agent.screenshot('list-all-pages');

    // Keyboard alone: Tab reaches the button after the last row, Enter loads until the end
    // (focusing it scrolls it into view, which may load a page by itself too).
    await page.reload();
    await rowCount(50);
    await list.getByRole('link', { name: /older-047/ }).focus();
    await page.keyboard.press('Tab');
    expect(
      await loadMore.evaluate((button) => {
        const element = button as unknown as { ownerDocument: { activeElement: unknown } };
        return element === element.ownerDocument.activeElement;
      }),
    ).toBe(true);
    for (let presses = 0; presses < 5 && (await loadMore.count()) > 0; presses++) {
      await page.keyboard.press('Enter');
      await waitFor(
        async () => (await rows.count()) > 50 * (presses + 1) || (await loadMore.count()) === 0,
        15_000,
        () => 'another page after Enter',
      );
    }
    await rowCount(123);

    // Pressed while the shown page is being read again (a new conversation invalidated the
    // list): the next page still comes, after that read.
    await page.reload();
    await rowCount(50);
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    const firstPage = (url: URL) =>
      url.pathname.endsWith('/conversations') && !url.searchParams.get('cursor');
    await page.route(firstPage, async (route) => {
      held += 1;
      await released;
      await route.continue();
    });
    await customerWrites('visitor-during-refresh', 'Hello while the list reloads');
    await waitFor(
      () => held > 0,
      15_000,
      () => 'the list was not read again',
    );
    await loadMore.dispatchEvent('click');
    release();
    await rowCount(100);
    await list.getByRole('link', { name: /visitor-during-refresh/ }).waitFor();
    await page.unroute(firstPage);

    // The SLA filter's choices; "due within 30 min" asks the hub (no clock is due here).
    const sla = list.getByRole('combobox', { name: en('conversations', 'filters.sla') });
    expect(await sla.locator('option').allTextContents()).toEqual([
      `${en('conversations', 'filters.sla')}: ${en('conversations', 'filters.any')}`,
      en('app', 'slaFilter.breached'),
      en('app', 'slaFilter.at_risk'),
      en('app', 'slaFilter.dueWithin', { duration: '30 min' }),
      en('app', 'slaFilter.dueWithin', { duration: '1 hr' }),
      en('app', 'slaFilter.dueWithin', { duration: '4 hr' }),
    ]);
    await sla.selectOption('due30');
    await list.getByText(en('conversations', 'list.empty')).waitFor();
    expect(await list.getByRole('alert').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('sla')).toBe('due30');
    await agent.screenshot('list-sla-due-within');
    await withOptionsShown(sla, () => agent.screenshot('list-sla-options'));

    // The same choices in Japanese.
    const japanese = await openInbox(hub, workspace, workspace.agents.root, { locale: 'ja-JP' });
    try {
      const ja = (namespace: string, key: string) => inboxText('ja-JP', namespace, key);
      await japanese.page.goto(`${new URL(page.url()).origin}/conversations?view=all&sla=due60`);
      const jaList = japanese.page
        .getByRole('region', { name: ja('conversations', 'list.label'), exact: true })
        .filter({ has: japanese.page.getByRole('tablist') });
      const jaSla = jaList.getByRole('combobox', { name: ja('conversations', 'filters.sla') });
      await jaList.getByText(ja('conversations', 'list.empty')).waitFor();
      const options = await jaSla.locator('option').allTextContents();
      expect(options.slice(1, 3)).toEqual([
        ja('app', 'slaFilter.breached'),
        ja('app', 'slaFilter.at_risk'),
      ]);
      expect(options.slice(3)).toEqual(
        ['30 分', '1 時間', '4 時間'].map((duration) =>
          ja('app', 'slaFilter.dueWithin').replace('{{duration}}', duration),
        ),
      );
      await japanese.screenshot('list-sla-due-within');
      await withOptionsShown(jaSla, () => japanese.screenshot('list-sla-options'));
    } finally {
      await japanese.close();
    }
  });

  it('loads the tickets list page after page too, with the same SLA choices', async () => {
    const admin = workspace.agents.root;
    const token = await hub.gateway.login(workspace.slug, admin.email, admin.password);
    const customer = await hub.gateway.call<{ id: string }>('POST', '/api/v1/customers', {
      token,
      body: { name: 'Paging customer' },
    });
    for (let i = 1; i <= 51; i++) {
      const made = await hub.gateway.call('POST', '/api/v1/tickets', {
        token,
        body: { subject: `Ticket ${String(i).padStart(2, '0')}`, customerId: customer.body.id },
      });
      expect(made.status).toBe(201);
    }
    const agent = (root ??= await openInbox(hub, workspace, admin));
    const { page } = agent;
    await page.goto(`${new URL(page.url()).origin}/tickets`);
    const screen = page.getByRole('region', { name: en('tickets', 'title') });
    const rows = screen.getByRole('row');
    const loadMore = screen.getByRole('button', { name: en('app', 'loadMore') });
    // A header row and 50 tickets, the newest first; the 51st waits behind the button.
    await screen.getByRole('button', { name: 'Ticket 02', exact: true }).waitFor();
    expect(await rows.count()).toBe(51);
    await loadMore.focus();
    await page.keyboard.press('Enter');
    await screen.getByRole('button', { name: 'Ticket 01', exact: true }).waitFor();
    await loadMore.waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(52);

    const sla = screen.getByRole('combobox', { name: en('tickets', 'field.sla') });
    expect((await sla.locator('option').allTextContents()).slice(1)).toEqual([
      en('app', 'slaFilter.breached'),
      en('app', 'slaFilter.at_risk'),
      ...['30 min', '1 hr', '4 hr'].map((duration) =>
        en('app', 'slaFilter.dueWithin', { duration }),
      ),
    ]);
    await sla.selectOption('due240');
    await screen.getByText(en('tickets', 'empty')).waitFor();
    await withOptionsShown(sla, () => agent.screenshot('tickets-sla-options'));
  });

  it('keeps unread badges and the tab title the same on every device: read on one, the other follows', async () => {
    await customerWrites('visitor-two-devices', 'Anyone there?');
    const devices = [
      await openInbox(hub, workspace, workspace.agents.root),
      await openInbox(hub, workspace, workspace.agents.root),
    ];
    try {
      const [desk, laptop] = devices;
      const listOf = ({ page }: { page: Page }) =>
        page
          .getByRole('region', { name: en('conversations', 'list.label'), exact: true })
          .filter({ has: page.getByRole('tablist') });
      for (const { page } of devices) {
        await page.getByRole('tab', { name: en('conversations', 'tabs.all') }).click();
        await listOf({ page })
          .getByRole('link', { name: /visitor-two-devices/ })
          .getByLabel(en('conversations', 'list.unread', { count: 1 }))
          .waitFor();
      }
      const unreadInTitle = async ({ page }: InboxAgent) =>
        Number(/^\((\d+)\) /.exec(await page.title())?.[1] ?? 0);
      const before = await unreadInTitle(laptop);
      expect(before).toBeGreaterThan(0);
      expect(await unreadInTitle(desk)).toBe(before);

      // Read on the desk: the laptop's badge and title follow, pushed, with no reload.
      await listOf(desk)
        .getByRole('link', { name: /visitor-two-devices/ })
        .click();
      await desk.page.getByText('Anyone there?').waitFor();
      await listOf(laptop)
        .getByRole('link', { name: /visitor-two-devices/ })
        .getByLabel(en('conversations', 'list.unread', { count: 1 }))
        .waitFor({ state: 'detached', timeout: 5_000 });
      const title = before > 1 ? `(${before - 1}) Inbox` : 'Inbox';
      await waitFor(
        async () => (await laptop.page.title()) === title,
        5_000,
        () => `the laptop's title to become "${title}"`,
      );
      await laptop.screenshot('list-read-elsewhere');
      expect(laptop.watch.pageErrors).toEqual([]);
    } finally {
      for (const device of devices) await device.close();
    }
  });
});
