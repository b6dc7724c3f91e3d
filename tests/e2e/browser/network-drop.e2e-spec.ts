import type { AgentSocketClient, Frame } from '../support/agent-socket-client';
import { startBlinkingLink, type BlinkingLink } from '../support/blinking-link';
import {
  createWidgetWorld,
  signInAda,
  startBrowserHub,
  type BrowserHub,
  type WidgetWorld,
} from '../support/browser-hub';
import type { Visitor } from '../support/browser';
import { EN, launcherOf, messageLogOf, waitForWidget, widgetOf } from '../support/widget';

const OFFLINE_TEXT = 'Are you still there? I typed this while my train was in a tunnel.';

describe('the widget when the network drops', () => {
  let hub: BrowserHub;
  let world: WidgetWorld;
  let token: string;
  let agent: AgentSocketClient;
  let link: BlinkingLink;

  beforeAll(async () => {
    hub = await startBrowserHub('bnetwork');
    // The page reaches the hub through a link the test can cut.
    link = await startBlinkingLink(hub.webUrl);
    world = await createWidgetWorld(hub, {}, link.url);
    ({ token, socket: agent } = await signInAda(hub, world.workspace));
  }, 180_000);

  // A test that fails with the network down must not leave it down for the next one.
  afterEach(() => link.restore());

  afterAll(async () => {
    agent?.close();
    await world?.site.close();
    await link?.close();
    await hub?.stop();
  });

  /** A visitor on the host site with the chat open. */
  async function visitorWithChatOpen(): Promise<Visitor> {
    const visitor = await hub.browser.visitor('en-US');
    await visitor.page.goto(world.site.pageUrl('index.html'));
    await waitForWidget(visitor.page);
    await launcherOf(visitor.page).click();
    return visitor;
  }

  const send = async (visitor: Visitor, text: string) => {
    const widget = widgetOf(visitor.page);
    await widget.getByRole('textbox', { name: EN.composer }).fill(text);
    await widget.getByRole('button', { name: EN.send, exact: true }).click();
  };

  it('keeps a message sent while offline and delivers it exactly once when the network returns', async () => {
    const visitor = await visitorWithChatOpen();
    const { page, context } = visitor;
    await send(visitor, 'Hello, I have a question about my order.');
    // The workspace's only conversation (the other test never sends), routed to ada.
    const assigned = await agent.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { workspaceId: string }).workspaceId === world.workspace.id &&
        (f.conversation as { assigneeId: string | null }).assigneeId ===
          world.workspace.agents.ada.id,
      20_000,
      'the conversation assigned to ada',
    );
    const conversationId = (assigned.conversation as { id: string }).id;

    // The network goes: the open connections die, and the browser says it is offline.
    link.cut();
    await context.setOffline(true);
    await widgetOf(page).getByText(EN.reconnecting).waitFor({ timeout: 30_000 });
    await send(visitor, OFFLINE_TEXT);
    const own = messageLogOf(page).getByRole('listitem').filter({ hasText: OFFLINE_TEXT });
    await own.waitFor();
    await hub.browser.screenshot(page, 'offline-unsent', 'en-US');

    link.restore();
    await context.setOffline(false);
    await widgetOf(page).getByText(EN.reconnecting).waitFor({ state: 'hidden', timeout: 30_000 });
    await own.getByText(EN.sent, { exact: true }).waitFor({ timeout: 30_000 });
    await agent.waitFor(
      (f) =>
        f.type === 'message.created' && (f.message as { content: string }).content === OFFLINE_TEXT,
      30_000,
      'the message typed offline',
    );
    // A later message's arrival proves a duplicate of the earlier one would have arrived first.
    await send(visitor, 'And this one after the tunnel.');
    await agent.waitFor(
      (f) =>
        f.type === 'message.created' &&
        (f.message as { content: string }).content === 'And this one after the tunnel.',
    );
    const live = agent.frames.filter(
      (f: Frame) =>
        f.type === 'message.created' && (f.message as { content: string }).content === OFFLINE_TEXT,
    );
    expect(live).toHaveLength(1);
    const { body: stored } = await hub.gateway.call<{ content: string }[]>(
      'GET',
      `/api/v1/conversations/${conversationId}/messages`,
      { token },
    );
    expect(stored.filter((m) => m.content === OFFLINE_TEXT)).toHaveLength(1);
  });

  it('keeps what the visitor typed but did not send across a change of page', async () => {
    const { page } = await visitorWithChatOpen();
    const draft = 'I would like to ask about returning a pair of';
    const composer = widgetOf(page).getByRole('textbox', { name: EN.composer });
    await composer.fill(draft);

    await page.getByRole('link', { name: 'Shoes' }).click();
    await page.waitForURL(/shoes\.html/);
    await waitForWidget(page);
    // The panel may come back open or closed; the text must come back either way.
    if (!(await composer.isVisible())) await launcherOf(page).click();
    await composer.waitFor();
    expect(await composer.inputValue()).toBe(draft);
  });
});
