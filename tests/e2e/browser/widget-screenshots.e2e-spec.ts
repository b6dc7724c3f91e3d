import { randomUUID } from 'node:crypto';
import type { AgentSocketClient } from '../support/agent-socket-client';
import { LOCALES, type Locale } from '../support/browser';
import {
  createWidgetWorld,
  signInAda,
  startBrowserHub,
  type BrowserHub,
  type WidgetWorld,
} from '../support/browser-hub';
import {
  EN,
  anyLauncherOf,
  findOnlineVisitor,
  hub as callHub,
  inEnglish,
  waitForWidget,
  widgetOf,
} from '../support/widget';

// What each locale's visitor and agent say, so the pictures show the language they are about.
const LINES: Record<Locale, { invite: string; visitor: string; agent: string }> = {
  'en-US': {
    invite: 'Hi! Can I help you find the right tea?',
    visitor: 'Which green tea is best cold-brewed?',
    agent: 'Our Morning Sencha: 10 g in a litre of cold water, overnight.',
  },
  'zh-CN': {
    invite: '您好！需要帮您挑选茶叶吗？',
    visitor: '哪款绿茶最适合冷泡？',
    agent: '推荐晨露煎茶：10 克茶叶加一升冷水，冷藏一夜即可。',
  },
  'zh-TW': {
    invite: '您好！需要幫您挑選茶葉嗎？',
    visitor: '哪一款綠茶最適合冷泡？',
    agent: '推薦晨露煎茶：10 公克茶葉加一公升冷水，冷藏一夜即可。',
  },
  'ja-JP': {
    invite: 'こんにちは！お茶選びをお手伝いしましょうか？',
    visitor: '水出しにいちばん合う緑茶はどれですか？',
    agent: '朝摘み煎茶がおすすめです。水1リットルに茶葉10gで一晩置いてください。',
  },
};

// An inbox's launcher text, in each language the widget speaks.
const LAUNCHER_TEXT = {
  en: 'Chat with us',
  'zh-CN': '在线咨询',
  'zh-TW': '線上諮詢',
  ja: 'チャットで相談',
};
const WIDGET_LOCALE: Record<Locale, keyof typeof LAUNCHER_TEXT> = {
  'en-US': 'en',
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
  'ja-JP': 'ja',
};

// Pictures of every key screen in each language the widget speaks, kept in
// tests/artifacts/widget-screens/<screen>-<locale>.png for people to look at. The widget picks
// its language from the browser; actions go through English names (see `inEnglish`).
describe('the widget’s key screens in every language', () => {
  let hub: BrowserHub;
  let chat: WidgetWorld;
  let preChat: WidgetWorld;
  let offline: WidgetWorld;
  let leftHanded: WidgetWorld;
  let token: string;
  let agent: AgentSocketClient;
  let preChatAgent: AgentSocketClient;

  beforeAll(async () => {
    hub = await startBrowserHub('bscreens');
    chat = await createWidgetWorld(hub);
    preChat = await createWidgetWorld(hub, {
      preChatForm: {
        enabled: true,
        fields: [
          { name: 'name', required: true },
          { name: 'email', required: true },
        ],
      },
    });
    offline = await createWidgetWorld(hub);
    leftHanded = await createWidgetWorld(hub, { position: 'left', launcherText: LAUNCHER_TEXT });
    ({ token, socket: agent } = await signInAda(hub, chat.workspace));
    ({ socket: preChatAgent } = await signInAda(hub, preChat.workspace));
  }, 180_000);

  afterAll(async () => {
    agent?.close();
    preChatAgent?.close();
    for (const world of [chat, preChat, offline, leftHanded]) await world?.site.close();
    await hub?.stop();
  });

  it.each(LOCALES)(
    'launcher, panel, invitation, chat and rating in %s',
    async (locale) => {
      const lines = LINES[locale];
      const mark = randomUUID();
      const { page, watch } = await hub.browser.visitor(locale);
      const shot = (name: string) => hub.browser.screenshot(page, name, locale);
      await page.goto(chat.site.pageUrl('index.html', { visit: mark }));
      await waitForWidget(page);
      const widget = widgetOf(page);
      // The widget speaks the browser's language unprompted.
      const launcherName = await anyLauncherOf(page).getAttribute('aria-label');
      if (locale === 'en-US') expect(launcherName).toBe(EN.openChat);
      else expect(launcherName).not.toBe(EN.openChat);
      await shot('launcher');

      await callHub(page, 'open');
      await widget.getByRole('dialog').first().waitFor();
      await shot('panel');
      await callHub(page, 'close');

      const visitor = await findOnlineVisitor(hub.gateway, token, (v) =>
        v.currentUrl.includes(mark),
      );
      await agent.request({
        type: 'visitor.invite',
        visitorId: visitor.visitorId,
        message: lines.invite,
      });
      const invitation = widget.getByRole('dialog').filter({ hasText: lines.invite });
      await invitation.waitFor();
      await shot('invitation');
      await inEnglish(page, locale, () =>
        widget
          .getByRole('dialog', { name: EN.invitation })
          .getByRole('button', { name: EN.startChat })
          .click(),
      );
      const accepted = await agent.waitFor(
        (f) =>
          f.type === 'invitation.updated' &&
          (f.invitation as { visitorId: string; status: string }).visitorId === visitor.visitorId &&
          (f.invitation as { status: string }).status === 'accepted',
        15_000,
        'the accepted invitation',
      );
      const conversationId = (accepted.invitation as { conversationId: string }).conversationId;

      await inEnglish(page, locale, async () => {
        await widget.getByRole('textbox', { name: EN.composer }).fill(lines.visitor);
        await widget.getByRole('button', { name: EN.send, exact: true }).click();
      });
      const reply = await agent.request({
        type: 'message.send',
        conversationId,
        clientMessageId: `screens-${locale}`,
        content: lines.agent,
      });
      expect(reply).toMatchObject({ type: 'message.ack' });
      // The message log's accessible name is in the page's language: find the reply by its text.
      await widget.getByText(lines.agent).waitFor();
      await agent.request({ type: 'typing', conversationId, isTyping: true });
      await shot('chat');

      await agent.request({ type: 'conversation.resolve', conversationId });
      await widget.getByRole('radiogroup').waitFor();
      await shot('csat');
      expect(watch).toMatchObject({ pageErrors: [], dialogs: [] });
    },
    90_000,
  );

  it.each(LOCALES)(
    'an inbox’s left-hand launcher with its own text, and its panel, in %s',
    async (locale) => {
      const { page, watch } = await hub.browser.visitor(locale);
      await page.goto(leftHanded.site.pageUrl('index.html'));
      await waitForWidget(page);
      const launcher = anyLauncherOf(page);
      // The launcher is drawn at once and takes the inbox's look when its config arrives.
      const text = LAUNCHER_TEXT[WIDGET_LOCALE[locale]];
      await launcher.filter({ hasText: text }).waitFor();
      await expect(launcher.textContent()).resolves.toBe(text);
      const viewport = page.viewportSize()!;
      const launcherBox = (await launcher.boundingBox())!;
      expect(launcherBox.x + launcherBox.width).toBeLessThan(viewport.width / 2);
      await hub.browser.screenshot(page, 'launcher-left', locale);

      await launcher.click();
      const panel = widgetOf(page).getByRole('dialog').first();
      await panel.waitFor();
      const panelBox = (await panel.boundingBox())!;
      expect(panelBox.x + panelBox.width).toBeLessThan(viewport.width / 2);
      // Open, the launcher is the round close button again, without the text.
      await expect(launcher.textContent()).resolves.toBe('');
      await hub.browser.screenshot(page, 'panel-left', locale);
      expect(watch).toMatchObject({ pageErrors: [], dialogs: [] });
      await page.context().close();
    },
  );

  it.each(LOCALES)('pre-chat form and leave-a-message form in %s', async (locale) => {
    for (const [world, name] of [
      [preChat, 'prechat'],
      [offline, 'offline'],
    ] as const) {
      const { page, watch } = await hub.browser.visitor(locale);
      await page.goto(world.site.pageUrl('index.html'));
      await waitForWidget(page);
      await callHub(page, 'open');
      // A form, not the chat: a second textbox (email) besides the first (name).
      await widgetOf(page).getByRole('textbox').nth(1).waitFor();
      await hub.browser.screenshot(page, name, locale);
      expect(watch).toMatchObject({ pageErrors: [], dialogs: [] });
      await page.context().close();
    }
  });
});
