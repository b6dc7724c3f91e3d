import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type {
  Browser,
  BrowserContext,
  ConsoleMessage,
  Dialog,
  Locator,
  Page,
} from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it when missing). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, no sandbox (CI runs as root), no GPU, and nothing that phones home or updates itself
 * in the middle of a run.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** The browser languages the widget speaks; a context's locale is what the widget picks up. */
export const LOCALES = ['en-US', 'zh-CN', 'zh-TW', 'ja-JP'] as const;
export type Locale = (typeof LOCALES)[number];

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');

/** What went wrong on a page that no assertion looked at: failed scripts, errors, dialogs. */
export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  /** Every alert/confirm/prompt the page opened (each dismissed at once): XSS would show here. */
  dialogs: string[];
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  locale: Locale;
}

/** Records console errors, uncaught errors and dialogs of `page`, dismissing every dialog. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error')
      watch.consoleErrors.push(`${message.text()} (${message.location().url || page.url()})`);
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('dialog', (dialog: Dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return watch;
}

/**
 * One Chromium for a test file, a fresh context (cookies, localStorage: one visitor) per
 * visitor, screenshots kept under `tests/artifacts/<suite>/`. `close()` closes whatever is still
 * open, also after a failed test, so no browser outlives the run.
 */
export class BrowserSession {
  private readonly contexts = new Set<BrowserContext>();

  private constructor(
    readonly browser: Browser,
    readonly suite: string,
  ) {}

  static async launch(
    suite: string,
    options: { ignoreDefaultArgs?: string[] } = {},
  ): Promise<BrowserSession> {
    if (!existsSync(CHROMIUM_PATH))
      throw new Error(
        `no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
      );
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      ignoreDefaultArgs: options.ignoreDefaultArgs,
      timeout: 30_000,
    });
    return new BrowserSession(browser, suite);
  }

  /** A new visitor (own context, own storage) whose browser speaks `locale`. */
  async visitor(locale: Locale = 'en-US'): Promise<Visitor> {
    const context = await this.browser.newContext({
      locale,
      viewport: { width: 1280, height: 800 },
    });
    this.contexts.add(context);
    context.once('close', () => this.contexts.delete(context));
    const page = await context.newPage();
    return { context, page, watch: watchPage(page), locale };
  }

  /** Saves `tests/artifacts/<suite>/<name>-<locale>.png` of the page or one element of it. */
  async screenshot(target: Page | Locator, name: string, locale: Locale): Promise<string> {
    const dir = path.join(ARTIFACTS, this.suite);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}-${locale}.png`);
    await target.screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.contexts].map((context) => context.close()));
    await this.browser.close();
  }
}
