import { AgentRole } from '@hub/domain';
import { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { inboundMessage, publishInbound, storedConversationOf } from '../support/inbound';
import { inboxText, openInbox, type InboxAgent } from '../support/inbox';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const en = (namespace: string, key: string, values?: Record<string, unknown>) =>
  inboxText('en-US', namespace, key).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(values?.[name]),
  );

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
