import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AutoInviteRule, type AutoInviteMessage, type WidgetLocale } from '@hub/contracts';
import { globMatches } from '../live-visitors/derive/glob';

export { AutoInviteRule };

/** What the rules look at, as of the page the visitor just opened. */
export interface PageContext {
  url: string;
  /** Pages of this visit, this one included. */
  pagesViewed: number;
  returning: boolean;
  searchKeyword: string | null;
}

/**
 * The valid rules of an inbox's settings; a malformed rule is skipped (an admin's typo must
 * not stop the others), `invalid` names them for the log.
 */
export function readAutoInviteRules(settings: Record<string, unknown>): {
  rules: AutoInviteRule[];
  invalid: number;
} {
  const widget = settings['widget'];
  const list = isRecord(widget) ? widget['autoInvite'] : undefined;
  if (!Array.isArray(list)) return { rules: [], invalid: 0 };
  const rules: AutoInviteRule[] = [];
  for (const raw of list) {
    if (!isRecord(raw)) continue;
    const rule = plainToInstance(AutoInviteRule, raw);
    if (validateSync(rule).length === 0 && Object.keys(rule.message).length > 0) rules.push(rule);
  }
  return { rules, invalid: list.length - rules.length };
}

/** The rules the page satisfies, in their configured order. */
export function matchingRules(
  rules: readonly AutoInviteRule[],
  page: PageContext,
): AutoInviteRule[] {
  return rules.filter((rule) => ruleMatches(rule, page));
}

function ruleMatches(rule: AutoInviteRule, page: PageContext): boolean {
  if (rule.urlPattern !== undefined && !urlMatches(rule.urlPattern, page.url)) return false;
  if (rule.minPagesViewed !== undefined && page.pagesViewed < rule.minPagesViewed) return false;
  if (rule.returning !== undefined && page.returning !== rule.returning) return false;
  if (rule.keywordPattern !== undefined) {
    if (page.searchKeyword === null) return false;
    return rule.keywordPattern.includes('*')
      ? globMatches(rule.keywordPattern, page.searchKeyword)
      : page.searchKeyword.toLowerCase().includes(rule.keywordPattern.toLowerCase());
  }
  return true;
}

// "/pricing*" is matched against the path and query; "https://shop.example/*" against the URL.
function urlMatches(pattern: string, pageUrl: string): boolean {
  if (!pattern.startsWith('/')) return globMatches(pattern, pageUrl);
  try {
    const url = new URL(pageUrl);
    return globMatches(pattern, `${url.pathname}${url.search}`);
  } catch {
    return false;
  }
}

/** The languages an inbox's widget offers, and the one it falls back to. */
export interface InboxLanguages {
  locales: readonly WidgetLocale[];
  defaultLocale: WidgetLocale;
}

/**
 * The rule's message as the widget picks the greeting: in the visitor's language (the first of
 * their browser's the inbox offers), else in the inbox's default language; null with neither.
 */
export function messageText(
  message: AutoInviteMessage,
  accepted: readonly string[],
  languages: InboxLanguages,
): string | null {
  const texts = (locale: WidgetLocale | undefined) =>
    locale ? message[locale]?.trim() : undefined;
  return (
    texts(visitorLocale(accepted, languages.locales)) || texts(languages.defaultLocale) || null
  );
}

// "ja-JP" asks for "ja"; "zh-TW" only for "zh-TW", never for another Chinese.
function visitorLocale(
  accepted: readonly string[],
  offered: readonly WidgetLocale[],
): WidgetLocale | undefined {
  for (const tag of accepted) {
    const lower = tag.toLowerCase();
    const primary = lower.split('-')[0];
    const locale = offered.find(
      (candidate) =>
        candidate.toLowerCase() === lower || (!candidate.includes('-') && candidate === primary),
    );
    if (locale) return locale;
  }
  return undefined;
}

/** The locales of an Accept-Language header, most preferred first. */
export function acceptedLocales(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 500)
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q) : 1 };
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q)
    .map(({ tag }) => tag);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
