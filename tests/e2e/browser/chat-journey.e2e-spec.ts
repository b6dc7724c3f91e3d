import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Frame } from '../support/agent-socket-client';
import { BrowserSession } from '../support/browser';
import { useWidgetSuite } from '../support/browser-hub';
import { pasteImage } from '../support/clipboard';
import {
  EN,
  findOnlineVisitor,
  launcherOf,
  messageLogOf,
  panelOf,
  waitForWidget,
  widgetOf,
} from '../support/widget';

const INVITE = 'Hi! Looking for the right size? I can help.';
const CARD = 'My card is 4111 1111 1111 1111';
const MASKED = 'My card is **** **** **** 1111';
const QUESTION = 'Do you have the Trail X in size 44?';
const ANSWER = 'Yes! Size 44 is in stock. Here is our size guide.';

type MessageFrame = {
  conversationId: string;
  content: string;
  contentType: string;
  attachment?: { mimeType: string; name: string; url: string };
};

const messageIn = (conversationId: string, match: (m: MessageFrame) => boolean) => (f: Frame) =>
  f.type === 'message.created' &&
  (f.message as MessageFrame).conversationId === conversationId &&
  match(f.message as MessageFrame);

/** Whether the image `img` shows has arrived and decoded (a broken signed URL would not). */
const imageLoaded = (page: Page) =>
  messageLogOf(page)
    .locator('img')
    .first()
    .evaluate((img) => {
      const element = img as unknown as { complete: boolean; naturalWidth: number };
      return element.complete && element.naturalWidth > 0;
    });

describe('a visitor’s chat in the widget, with an agent on the agent socket', () => {
  const suite = useWidgetSuite('bjourney');

  it('invites a visitor who accepts, sees the masked draft, chats both ways, opens a pushed link, gets a pasted screenshot and a 5-star rating', async () => {
    const mark = randomUUID();
    const { context, page, watch } = await suite.hub.browser.visitor('en-US');
    await page.goto(suite.world.site.pageUrl('shoes.html', { visit: mark }));
    await waitForWidget(page);
    const visitor = await findOnlineVisitor(suite.hub.gateway, suite.token, (v) =>
      v.currentUrl.includes(mark),
    );
    const widget = widgetOf(page);

    // The invitation: the agent's name and message, accepted in the widget.
    const invited = await suite.agent.request({
      type: 'visitor.invite',
      visitorId: visitor.visitorId,
      message: INVITE,
    });
    expect(invited).toMatchObject({
      type: 'invitation.ack',
      invitation: { visitorId: visitor.visitorId, agentId: suite.world.workspace.agents.ada.id },
    });
    const invitation = widget.getByRole('dialog', { name: EN.invitation });
    await invitation.getByText(INVITE).waitFor();
    await invitation.getByText('ada').first().waitFor();
    await suite.hub.browser.screenshot(page, 'journey-invitation', 'en-US');
    await invitation.getByRole('button', { name: EN.startChat }).click();
    const accepted = await suite.agent.waitFor(
      (f) =>
        f.type === 'invitation.updated' &&
        (f.invitation as { status: string; visitorId: string }).visitorId === visitor.visitorId &&
        (f.invitation as { status: string }).status === 'accepted',
      15_000,
      'the accepted invitation',
    );
    const conversationId = (accepted.invitation as { conversationId: string }).conversationId;
    expect(conversationId).toEqual(expect.any(String));
    await panelOf(page).waitFor();

    // Typing a card number: the agent's sneak-peek shows it masked, never in full.
    const composer = widget.getByRole('textbox', { name: EN.composer });
    await composer.pressSequentially(CARD, { delay: 15 });
    await suite.agent.waitFor(
      (f) => f.type === 'draft' && f.conversationId === conversationId && f.text === MASKED,
      15_000,
      'the masked draft',
    );
    const drafts = suite.agent.framesOf('draft').map((f) => String(f.text));
    expect(drafts.filter((text) => /4111[ -]?1111[ -]?1111[ -]?1111/.test(text))).toEqual([]);

    // Messages both ways, with the visitor's delivery state.
    await composer.fill(QUESTION);
    await widget.getByRole('button', { name: EN.send, exact: true }).click();
    await suite.agent.waitFor(messageIn(conversationId, (m) => m.content === QUESTION));
    const own = messageLogOf(page).getByRole('listitem').filter({ hasText: QUESTION });
    await own.getByText(EN.sent, { exact: true }).waitFor();
    await suite.agent.request({
      type: 'message.send',
      conversationId,
      clientMessageId: 'ada-1',
      content: ANSWER,
    });
    await messageLogOf(page).getByText(ANSWER).waitFor();

    // A pushed link opens in a new tab.
    const sizeGuide = suite.world.site.pageUrl('size-guide.html');
    const opened = context.waitForEvent('page', { timeout: 15_000 });
    expect(
      await suite.agent.request({ type: 'link.push', conversationId, url: sizeGuide }),
    ).toMatchObject({ type: 'message.ack', message: { contentType: 'link', content: sizeGuide } });
    const tab = await opened;
    await tab.waitForLoadState();
    expect({ url: tab.url(), title: await tab.title() }).toEqual({
      url: sizeGuide,
      title: 'Size guide',
    });
    await tab.close();

    // A pasted screenshot reaches the agent as an image, and shows inline for the visitor.
    const screenshot = await page.screenshot({ clip: { x: 0, y: 0, width: 160, height: 90 } });
    await pasteImage(composer, screenshot);
    const image = await suite.agent.waitFor(
      messageIn(conversationId, (m) => m.contentType === 'image'),
      20_000,
      'the pasted image',
    );
    expect((image.message as MessageFrame).attachment).toMatchObject({ mimeType: 'image/png' });
    await messageLogOf(page).locator('img').first().waitFor();
    await expect(imageLoaded(page)).resolves.toBe(true);
    await suite.hub.browser.screenshot(page, 'journey-chat', 'en-US');

    // Resolved: the visitor rates it, and agents hear of it.
    await suite.agent.request({ type: 'conversation.resolve', conversationId });
    const rating = widget.getByRole('radiogroup', { name: EN.rate });
    await rating.getByRole('radio', { name: '5 stars' }).click();
    await widget.getByRole('textbox', { name: EN.comment }).fill('Quick and friendly, thank you!');
    await suite.hub.browser.screenshot(page, 'journey-csat', 'en-US');
    await widget.getByRole('button', { name: EN.submitRating }).click();
    await widget.getByText(EN.ratingThanks).waitFor();
    const rated = await suite.agent.waitFor(
      (f) => f.type === 'conversation.rated' && f.conversationId === conversationId,
      15_000,
      'conversation.rated',
    );
    expect(rated).toMatchObject({ rating: 5, comment: 'Quick and friendly, thank you!' });
    const { body } = await suite.hub.gateway.call<{ csat: unknown }>(
      'GET',
      `/api/v1/conversations/${conversationId}`,
      { token: suite.token },
    );
    expect(body.csat).toMatchObject({ rating: 5, comment: 'Quick and friendly, thank you!' });
    expect(watch).toMatchObject({ pageErrors: [], dialogs: [] });
  });

  it('shows a pushed link as "Open link" when the browser blocks pop-ups, and opens it on a click', async () => {
    // Chromium blocks a window.open without a click; Playwright's default launch turns that off.
    const blocking = await BrowserSession.launch('bjourney', {
      ignoreDefaultArgs: ['--disable-popup-blocking'],
    });
    try {
      const { context, page } = await blocking.visitor('en-US');
      const mark = randomUUID();
      await page.goto(suite.world.site.pageUrl('index.html', { visit: mark }));
      const visitor = await findOnlineVisitor(suite.hub.gateway, suite.token, (v) =>
        v.currentUrl.includes(mark),
      );
      await launcherOf(page).click();
      const widget = widgetOf(page);
      await widget.getByRole('textbox', { name: EN.composer }).fill('Where is the size guide?');
      await widget.getByRole('button', { name: EN.send, exact: true }).click();
      // Routing gives the new conversation to ada, the one agent online.
      const assigned = await suite.agent.waitFor(
        (f) => {
          const conversation = f.conversation as
            { customerExternalId: string; assigneeId: string | null } | undefined;
          return (
            f.type === 'conversation.updated' &&
            conversation?.customerExternalId === visitor.visitorId &&
            conversation.assigneeId === suite.world.workspace.agents.ada.id
          );
        },
        20_000,
        'the visitor’s conversation, assigned to ada',
      );
      const conversationId = (assigned.conversation as { id: string }).id;

      // A click lends the page "transient activation" for about 5 s, during which Chromium lets
      // window.open through: the push must come after the visitor's send click has worn off.
      await page.waitForTimeout(6_000);
      const sizeGuide = suite.world.site.pageUrl('size-guide.html');
      await suite.agent.request({ type: 'link.push', conversationId, url: sizeGuide });
      const link = messageLogOf(page).getByRole('link', { name: EN.openLink });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(sizeGuide);
      const opened = context.waitForEvent('page', { timeout: 15_000 });
      await link.click();
      const tab = await opened;
      await tab.waitForLoadState();
      expect(tab.url()).toBe(sizeGuide);
    } finally {
      await blocking.close();
    }
  });
});
