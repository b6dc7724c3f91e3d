import path from 'node:path';
import { installWidgetSnippet, startStaticSite, type StaticSite } from '@hub/dev-infra';
import type { Locale } from '../support/browser';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { AgentRole } from '@hub/domain';
import { EN, anyLauncherOf, computedStyle, waitForWidget } from '../support/widget';

// The launcher's demo shop (tools/launcher/demo-site), served here as `npm start` serves it:
// every page with the snippet pointing at connector-web and a web inbox.
const DEMO_SITE = path.resolve(__dirname, '..', '..', '..', 'tools', 'launcher', 'demo-site');
const LANGUAGES: { folder: string; lang: string; locale: Locale }[] = [
  { folder: 'en', lang: 'en', locale: 'en-US' },
  { folder: 'zh-CN', lang: 'zh-CN', locale: 'zh-CN' },
  { folder: 'zh-TW', lang: 'zh-TW', locale: 'zh-TW' },
  { folder: 'ja', lang: 'ja', locale: 'ja-JP' },
];
const PAGES = ['index', 'product', 'pricing', 'contact'];

describe('the demo shop in a browser', () => {
  let hub: BrowserHub;
  let workspace: WorkspaceFixture;
  let shop: StaticSite;

  beforeAll(async () => {
    hub = await startBrowserHub('demoshop');
    workspace = await createWorkspace(hub.suite.database.url, { ada: AgentRole.Agent });
    shop = await startStaticSite({
      dir: DEMO_SITE,
      host: 'localhost',
      transformHtml: (html) =>
        installWidgetSnippet(html, { hubOrigin: hub.webUrl, inboxId: workspace.inboxId }),
    });
  }, 180_000);

  afterAll(async () => {
    await shop?.close();
    await hub?.stop();
  });

  it('renders every page in its language, styled, with the snippet naming the web inbox', async () => {
    for (const { folder, lang, locale } of LANGUAGES) {
      const { page, watch } = await hub.browser.visitor(locale);
      for (const name of PAGES) {
        const response = await page.goto(`${shop.url}/${folder}/${name}.html`);
        expect(response?.status()).toBe(200);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();
        // The stylesheet applied: the header is a flex row, not the browser's default block.
        expect(await computedStyle(page.locator('header'), ['display'])).toEqual({
          display: 'flex',
        });
        const snippet = page.locator('script[data-inbox]');
        expect({
          src: await snippet.getAttribute('src'),
          inbox: await snippet.getAttribute('data-inbox'),
          async: (await snippet.getAttribute('async')) !== null,
        }).toEqual({ src: `${hub.webUrl}/widget.js`, inbox: workspace.inboxId, async: true });
        if (name === 'index' || name === 'product')
          await hub.browser.screenshot(page, `demo-shop-${name}`, locale);
      }
      expect(watch.pageErrors).toEqual([]);
      await page.context().close();
    }
  });

  it('loads the widget on each language’s home page without an error, its launcher in that language', async () => {
    for (const { folder, locale } of LANGUAGES) {
      const { page, watch } = await hub.browser.visitor(locale);
      await page.goto(`${shop.url}/${folder}/index.html`);
      await waitForWidget(page);
      const name = await anyLauncherOf(page).getAttribute('aria-label');
      if (locale === 'en-US') expect(name).toBe(EN.openChat);
      else expect([locale, name]).not.toEqual([locale, EN.openChat]);
      await hub.browser.screenshot(page, 'demo-shop-with-widget', locale);
      expect({ locale, ...watch }).toEqual({
        locale,
        consoleErrors: [],
        pageErrors: [],
        dialogs: [],
      });
      await page.context().close();
    }
  });
});
