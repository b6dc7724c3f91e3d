import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { useWidgetSuite } from '../support/browser-hub';
import { XSS_TITLE, type HostPage } from '../support/host-site';
import {
  EN,
  computedStyle,
  findOnlineVisitor,
  launcherOf,
  messageLogOf,
  panelOf,
  waitForWidget,
  widgetOf,
} from '../support/widget';

// What the host page's stylesheet could change if it leaked through the shadow root.
const STYLE_PROPERTIES = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'letter-spacing',
  'border-top-width',
  'padding-top',
  'width',
  'height',
  'text-transform',
  'display',
  'visibility',
] as const;

const VISITOR_PAYLOADS = [
  `<script>alert('visitor')</script>`,
  `<img src=x onerror="alert('visitor-img')">`,
];
const AGENT_PAYLOADS = [
  `<a href="javascript:alert('agent-link')">track your order</a>`,
  `javascript:alert('agent-bare')`,
  `<svg onload="alert('agent-svg')"></svg>`,
];
const SVG_WITH_SCRIPT = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert('svg-upload')</script><rect width="10" height="10"/></svg>`,
);

describe('the widget on hostile pages', () => {
  const suite = useWidgetSuite('bhostile');

  /** The launcher's and the open panel's look on `pageName`, and pictures of both. */
  async function lookOf(pageName: HostPage) {
    const { page, watch } = await suite.hub.browser.visitor('en-US');
    await page.goto(suite.world.site.pageUrl(pageName));
    await waitForWidget(page);
    const launcher = launcherOf(page);
    const closed = {
      launcher: await computedStyle(launcher, STYLE_PROPERTIES),
      box: await launcher.boundingBox(),
      picture: await launcher.screenshot({ animations: 'disabled' }),
    };
    await suite.hub.browser.screenshot(
      page,
      `launcher-on-${pageName.replace('.html', '')}`,
      'en-US',
    );
    await launcher.click();
    const composer = widgetOf(page).getByRole('textbox', { name: EN.composer });
    await composer.waitFor();
    const open = {
      panel: await computedStyle(panelOf(page), STYLE_PROPERTIES),
      panelBox: await panelOf(page).boundingBox(),
      composer: await computedStyle(composer, STYLE_PROPERTIES),
      send: await computedStyle(
        widgetOf(page).getByRole('button', { name: EN.send, exact: true }),
        STYLE_PROPERTIES,
      ),
    };
    await suite.hub.browser.screenshot(page, `panel-on-${pageName.replace('.html', '')}`, 'en-US');
    await page.context().close();
    return { closed, open, watch };
  }

  it('looks the same on a page whose CSS restyles `*`, buttons, inputs and text with !important', async () => {
    const plain = await lookOf('index.html');
    const hostile = await lookOf('hostile.html');
    // The hostile page really is hostile: its own button and text took the rules.
    expect(hostile.open).toEqual(plain.open);
    expect(hostile.closed.launcher).toEqual(plain.closed.launcher);
    expect(hostile.closed.box).toEqual(plain.closed.box);
    expect(hostile.closed.picture.equals(plain.closed.picture)).toBe(true);
    expect(plain.closed.launcher.color).not.toBe('rgb(255, 0, 0)');
  });

  it('proves the hostile page’s rules apply to the page itself', async () => {
    const { page } = await suite.hub.browser.visitor('en-US');
    await page.goto(suite.world.site.pageUrl('hostile.html'));
    expect(
      await computedStyle(page.getByRole('heading', { level: 1 }), ['color', 'font-size']),
    ).toEqual({ color: 'rgb(255, 0, 0)', 'font-size': '40px' });
    await page.context().close();
  });

  it('shows script, onerror and javascript: payloads as text, in the title agents see and in the chat', async () => {
    const mark = randomUUID();
    const { page, watch } = await suite.hub.browser.visitor('en-US');
    await page.goto(
      suite.world.site.pageUrl('xss.html', { visit: mark, q: `<script>alert('url')</script>` }),
    );
    await waitForWidget(page);
    const visitor = await findOnlineVisitor(suite.hub.gateway, suite.token, (v) =>
      v.currentUrl.includes(mark),
    );
    expect(visitor.currentTitle).toBe(XSS_TITLE);
    expect(visitor.currentUrl).toContain(mark);

    await launcherOf(page).click();
    const widget = widgetOf(page);
    const composer = widget.getByRole('textbox', { name: EN.composer });
    for (const payload of VISITOR_PAYLOADS) {
      await composer.fill(payload);
      await widget.getByRole('button', { name: EN.send, exact: true }).click();
      await messageLogOf(page).getByText(payload, { exact: true }).waitFor();
    }
    const assigned = await suite.agent.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { customerExternalId: string }).customerExternalId ===
          visitor.visitorId &&
        (f.conversation as { assigneeId: string | null }).assigneeId !== null,
      20_000,
      'the conversation assigned',
    );
    const conversationId = (assigned.conversation as { id: string }).id;
    for (const [index, payload] of AGENT_PAYLOADS.entries()) {
      await suite.agent.request({
        type: 'message.send',
        conversationId,
        clientMessageId: `xss-${index}`,
        content: payload,
      });
      await messageLogOf(page).getByText(payload, { exact: true }).waitFor();
    }
    // Nothing of it became markup: no element the payloads describe exists in the widget.
    await expectNoInjectedMarkup(page);
    await suite.hub.browser.screenshot(page, 'xss-as-text', 'en-US');

    // An SVG carrying a script, named and typed as a PNG so the widget's own type check lets it
    // through: the server, judging by content, refuses it or keeps it as a file that never runs.
    const chooser = page.waitForEvent('filechooser');
    const upload = page.waitForResponse((r) => r.url().endsWith('/api/v1/widget/uploads'));
    await widget.getByRole('button', { name: EN.attach }).click();
    await (
      await chooser
    ).setFiles({ name: 'innocent.png', mimeType: 'image/png', buffer: SVG_WITH_SCRIPT });
    const answer = await upload;
    if (answer.status() === 201) {
      const attached = await suite.agent.waitFor(
        (f) =>
          f.type === 'message.created' &&
          (f.message as { conversationId: string }).conversationId === conversationId &&
          (f.message as { attachment?: unknown }).attachment !== undefined,
        20_000,
        'the uploaded SVG as a message',
      );
      const { url } = (attached.message as { attachment: { url: string } }).attachment;
      const served = await fetch(url);
      expect(served.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-security-policy')).toContain("default-src 'none'");
    } else {
      expect({ status: answer.status(), body: (await answer.json()) as unknown }).toMatchObject({
        status: 415,
        body: { code: 'FILE_TYPE_NOT_ALLOWED' },
      });
    }
    await expectNoInjectedMarkup(page);
    expect(watch.dialogs).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});

/** No `<script>`, `<img src=x>`, `javascript:` link or inline SVG came out of message text. */
async function expectNoInjectedMarkup(page: Page): Promise<void> {
  const log = messageLogOf(page);
  expect({
    scripts: await log.locator('script').count(),
    brokenImages: await log.locator('img[src="x"]').count(),
    javascriptLinks: await log.locator('a[href^="javascript:" i]').count(),
    svgs: await log.locator('svg[onload]').count(),
  }).toEqual({ scripts: 0, brokenImages: 0, javascriptLinks: 0, svgs: 0 });
}
