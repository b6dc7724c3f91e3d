import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { BrowserHub } from './browser-hub';
import { watchPage, type Locale, type PageWatch } from './browser';
import type { FixtureAgent, WorkspaceFixture } from './workspace-fixture';

/** The app's language for each browser locale the tests use (apps/inbox/src/i18n/languages.ts). */
export const INBOX_LANGUAGE: Record<Locale, string> = {
  'en-US': 'en',
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
  'ja-JP': 'ja',
};

export const LAPTOP = { width: 1280, height: 800 } as const;
export const TABLET = { width: 820, height: 1180 } as const;

const APP_SRC = path.resolve(__dirname, '..', '..', '..', 'apps', 'inbox', 'src');

/**
 * The text the inbox shows for `key` of a feature's namespace in `locale`, read from the app's
 * own catalogues, so a test finds elements by the names a person sees in that language.
 */
export function inboxText(locale: Locale, namespace: string, key: string): string {
  const file = path.join(APP_SRC, namespace, 'i18n', `${INBOX_LANGUAGE[locale]}.json`);
  const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const text = key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      catalogue,
    );
  if (typeof text !== 'string') throw new Error(`no ${namespace}:${key} in ${file}`);
  return text;
}

/** An agent working in the inbox in a browser context of their own. */
export interface InboxAgent {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  locale: Locale;
  /** `tests/artifacts/<suite>/<name>-<locale>.png` of the whole page. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens the inbox the gateway serves in a fresh context (own storage: one agent), signs in
 * through the sign-in page as a person would, and waits for the signed-in navigation.
 */
export async function openInbox(
  hub: BrowserHub,
  workspace: WorkspaceFixture,
  agent: FixtureAgent,
  options: {
    locale?: Locale;
    viewport?: { width: number; height: number };
    /** Where the browser reaches the gateway (a relay the test can cut); the gateway's own URL by default. */
    origin?: string;
  } = {},
): Promise<InboxAgent> {
  const locale = options.locale ?? 'en-US';
  const context = await hub.browser.browser.newContext({
    locale,
    viewport: options.viewport ?? LAPTOP,
  });
  const page = await context.newPage();
  const watch = watchPage(page);
  const text = (key: string) => inboxText(locale, 'auth', key);
  await page.goto(`${options.origin ?? hub.suite.hub.service('gateway').url}/`);
  await page.getByLabel(text('workspace')).fill(workspace.slug);
  await page.getByLabel(text('email')).fill(agent.email);
  await page.getByLabel(text('password')).fill(agent.password);
  await page.getByRole('button', { name: text('submit') }).click();
  await page
    .getByRole('navigation', { name: inboxText(locale, 'app', 'nav.label') })
    .waitFor({ timeout: 15_000 });
  return {
    context,
    page,
    watch,
    locale,
    screenshot: (name) => hub.browser.screenshot(page, name, locale),
    close: () => context.close(),
  };
}

/**
 * Opens a screen of the settings (already shown) by its link, and waits until it is the one
 * shown, its link marked current: the screens share labels ("Name"), and the screen leaving
 * must not be the one filled in.
 */
export async function openSettingsScreen(
  page: Page,
  locale: Locale,
  screen: string,
): Promise<void> {
  const link = page
    .getByRole('navigation', { name: inboxText(locale, 'settings', 'nav.label') })
    .getByRole('link', { name: inboxText(locale, 'settings', `nav.${screen}`) });
  await link.click();
  await link.and(page.locator('[aria-current="page"]')).waitFor();
}
