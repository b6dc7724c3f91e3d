import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Visitor } from '../support/browser';
import { useWidgetSuite } from '../support/browser-hub';
import { inboxText, openInbox, type InboxAgent } from '../support/inbox';
import { EN, launcherOf, messageLogOf, waitForWidget, widgetOf } from '../support/widget';

// Lets the test hide and show the visitor's page: headless Chromium keeps every page visible.
// The widget reads `document.visibilityState` and listens to `visibilitychange`, as it would
// when the visitor switches tabs.
const VISIBILITY_SWITCH = `
  (() => {
    let hidden = false;
    Object.defineProperty(Document.prototype, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    window.__setPageHidden = (value) => {
      hidden = value;
      document.dispatchEvent(new Event('visibilitychange'));
    };
  })();
`;

// The widget reports within ~0.5 s and the hub forwards at most once a second: a state still
// unchanged after this long is the state the widget meant.
const SETTLE_MS = 3_000;

// The agent's web chat replies in the inbox: ✓✓ Delivered once the visitor's widget has them,
// Read once they were on the visitor's screen (panel open, page visible), never before.
describe('web chat receipts: what the visitor’s widget reports, in the agent’s transcript', () => {
  const suite = useWidgetSuite('breceipts');
  const visitors: Visitor[] = [];
  let inbox: InboxAgent;
  const taken = new Set<string>();

  beforeAll(async () => {
    inbox = await openInbox(suite.hub, suite.world.workspace, suite.world.workspace.agents.ada);
  }, 60_000);

  afterAll(async () => {
    await inbox?.close();
    await Promise.all(visitors.map((visitor) => visitor.context.close()));
  });

  /** A visitor on the host site, chat panel open, who asks `question`; ada has the chat. */
  async function visitorAsking(question: string): Promise<{ page: Page; conversationId: string }> {
    const visitor = await suite.hub.browser.visitor('en-US');
    visitors.push(visitor);
    await visitor.page.addInitScript(VISIBILITY_SWITCH);
    await visitor.page.goto(suite.world.site.pageUrl('index.html', { visit: randomUUID() }));
    await waitForWidget(visitor.page);
    await launcherOf(visitor.page).click();
    const widget = widgetOf(visitor.page);
    await widget.getByRole('textbox', { name: EN.composer }).fill(question);
    await widget.getByRole('button', { name: EN.send, exact: true }).click();
    // The workspace's next conversation (one per test), routed to ada.
    const assigned = await suite.agent.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        !taken.has((f.conversation as { id: string }).id) &&
        (f.conversation as { assigneeId: string | null }).assigneeId ===
          suite.world.workspace.agents.ada.id,
      20_000,
      'the conversation assigned to ada',
    );
    const conversationId = (assigned.conversation as { id: string }).id;
    taken.add(conversationId);
    return { page: visitor.page, conversationId };
  }

  const reply = (conversationId: string, content: string) =>
    suite.agent.request({
      type: 'message.send',
      conversationId,
      clientMessageId: randomUUID(),
      content,
    });

  /** The reply's delivery state in ada's transcript, found by its accessible label. */
  async function transcriptOf(conversationId: string) {
    await inbox.page.goto(
      `${suite.hub.suite.hub.service('gateway').url}/conversations/${conversationId}`,
    );
    const transcript = inbox.page.getByRole('list', {
      name: inboxText('en-US', 'conversations', 'view.transcript'),
    });
    await transcript.waitFor();
    return (text: string, state: 'delivered' | 'read') =>
      transcript
        .getByRole('listitem')
        .filter({ hasText: text })
        .getByLabel(inboxText('en-US', 'conversations', `delivery.${state}`), { exact: true });
  }

  const setPageHidden = (page: Page, hidden: boolean) =>
    page.evaluate(
      (value) =>
        (globalThis as unknown as { __setPageHidden(v: boolean): void }).__setPageHidden(value),
      hidden,
    );

  it('shows Read for a reply the visitor saw in the open panel of a visible page', async () => {
    const answer = 'Yes, the blue one ships tomorrow.';
    const { page, conversationId } = await visitorAsking('Is the blue one in stock?');
    const state = await transcriptOf(conversationId);

    await reply(conversationId, answer);
    await messageLogOf(page).getByText(answer).waitFor();

    await state(answer, 'read').waitFor({ timeout: 15_000 });
    await inbox.screenshot('web-reply-read');
  });

  it('shows only Delivered while the panel is minimised or the page hidden, and Read once shown', async () => {
    const answer = 'Your parcel left the warehouse this morning.';
    const { page, conversationId } = await visitorAsking('Where is my parcel?');
    const state = await transcriptOf(conversationId);
    await widgetOf(page).getByRole('button', { name: EN.closeChat, exact: true }).click();

    // Minimised: the message reaches the widget, nobody sees it.
    await reply(conversationId, answer);
    await state(answer, 'delivered').waitFor({ timeout: 15_000 });
    await inbox.page.waitForTimeout(SETTLE_MS);
    expect(await state(answer, 'read').count()).toBe(0);
    await inbox.screenshot('web-reply-delivered');

    // Opened in a hidden page (another tab in front): still nobody sees it.
    await setPageHidden(page, true);
    await launcherOf(page).click();
    await messageLogOf(page).getByText(answer).waitFor();
    await inbox.page.waitForTimeout(SETTLE_MS);
    expect(await state(answer, 'delivered').count()).toBe(1);
    expect(await state(answer, 'read').count()).toBe(0);

    // The visitor comes back to the tab: read.
    await setPageHidden(page, false);
    await state(answer, 'read').waitFor({ timeout: 15_000 });
  });
});
