import type { Locator, Page } from 'playwright-core';
import type { Locale } from './browser';
import type { GatewayApi } from './gateway-api';
import { waitFor } from '@hub/testing';

/**
 * The widget's accessible names in English, as the SPEC's DOM contract fixes them. Tests that
 * run in another language switch the widget to English (`Hub('setLocale', 'en')`) to act, and
 * back to take its picture, so no test depends on a translation's wording.
 */
export const EN = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  panel: 'Chat',
  messages: 'Messages',
  composer: 'Type your message',
  send: 'Send',
  attach: 'Attach a file',
  invitation: 'Chat invitation',
  startChat: 'Start chat',
  noThanks: 'No thanks',
  leaveMessage: 'Leave a message',
  name: 'Name',
  email: 'Email',
  message: 'Message',
  sendMessage: 'Send message',
  offlineThanks: "Thanks! We'll get back to you by email.",
  rate: 'Rate this conversation',
  comment: 'Comment (optional)',
  submitRating: 'Submit rating',
  ratingThanks: 'Thanks for your feedback!',
  emailTranscript: 'Email me this conversation',
  reconnecting: 'Reconnecting…',
  sent: 'Sent',
  openLink: 'Open link',
} as const;

/** `Hub('setLocale', …)` takes the widget's own codes. */
export const WIDGET_LOCALE: Record<Locale, string> = {
  'en-US': 'en',
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
  'ja-JP': 'ja',
};

/** The widget's host element; Playwright's locators pierce its open shadow root. */
export function widgetOf(page: Page): Locator {
  return page.locator('#hub-widget');
}

export function launcherOf(page: Page): Locator {
  return widgetOf(page).getByRole('button', { name: EN.openChat, exact: true });
}

/** The launcher button in any language: before the panel opens, the widget's only button. */
export function anyLauncherOf(page: Page): Locator {
  return widgetOf(page).getByRole('button').first();
}

export function panelOf(page: Page): Locator {
  return widgetOf(page).getByRole('dialog', { name: EN.panel, exact: true });
}

export function messageLogOf(page: Page): Locator {
  return widgetOf(page).getByRole('log', { name: EN.messages });
}

/**
 * The page's window as far as these tests reach into it (the repository's typecheck has no DOM
 * library: this code runs in Chromium, serialized by Playwright).
 */
interface PageWindow {
  Hub: (...args: unknown[]) => unknown;
  getComputedStyle(element: unknown): { getPropertyValue(name: string): string };
}

/** Calls the widget's public API (`Hub('open')`, `Hub('setLocale', 'ja')`) in the page. */
export async function hub(page: Page, ...args: unknown[]): Promise<void> {
  await page.evaluate((callArgs) => {
    (globalThis as unknown as PageWindow).Hub(...callArgs);
  }, args);
}

/** The computed values of `properties` of the element `locator` finds. */
export function computedStyle(
  locator: Locator,
  properties: readonly string[],
): Promise<Record<string, string>> {
  return locator.evaluate(
    (element, names) => {
      const style = (globalThis as unknown as PageWindow).getComputedStyle(element);
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
    },
    [...properties],
  );
}

/** Waits until the bundle has loaded and drawn its launcher (in whatever language). */
export async function waitForWidget(page: Page): Promise<void> {
  try {
    await anyLauncherOf(page).waitFor({ state: 'visible', timeout: 15_000 });
  } catch (error) {
    throw new Error(
      `the widget drew no launcher on ${page.url()} (is it built into dist/apps/widget, and does ` +
        `connector-web serve /widget.js?): ${String(error)}`,
    );
  }
}

/** Runs `act` with the widget in English, then puts the browser's language back. */
export async function inEnglish<T>(page: Page, locale: Locale, act: () => Promise<T>): Promise<T> {
  if (locale !== 'en-US') await hub(page, 'setLocale', 'en');
  try {
    return await act();
  } finally {
    if (locale !== 'en-US') await hub(page, 'setLocale', WIDGET_LOCALE[locale]);
  }
}

/** A live visitor as `GET /api/v1/visitors/online` lists it (the fields the tests read). */
export interface OnlineVisitor {
  visitorId: string;
  workspaceId: string;
  inboxId: string;
  currentUrl: string;
  currentTitle: string;
  source: string;
  searchEngine: string | null;
  searchKeyword: string | null;
  referrer: string | null;
  country: string | null;
  city: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  firstVisit: boolean;
  visitCount: number;
  pagesViewed: number;
  chatting: boolean;
}

/**
 * The online visitor whose current page matches `match` (tests mark each visitor's URL with a
 * query parameter of their own), once the gateway lists it.
 */
export async function findOnlineVisitor(
  gateway: GatewayApi,
  token: string,
  match: (visitor: OnlineVisitor) => boolean,
  timeoutMs = 15_000,
): Promise<OnlineVisitor> {
  let found: OnlineVisitor | undefined;
  let last: unknown;
  await waitFor(
    async () => {
      const { status, body } = await gateway.call<OnlineVisitor[]>(
        'GET',
        '/api/v1/visitors/online',
        { token },
      );
      last = { status, body };
      found = status === 200 ? body.find(match) : undefined;
      return found !== undefined;
    },
    timeoutMs,
    () => `the visitor in GET /api/v1/visitors/online; last answer ${JSON.stringify(last)}`,
  );
  return found!;
}
