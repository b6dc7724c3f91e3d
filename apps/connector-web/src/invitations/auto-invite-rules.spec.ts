import { WIDGET_LOCALES } from '@hub/contracts';
import {
  acceptedLocales,
  matchingRules,
  messageText,
  readAutoInviteRules,
  type InboxLanguages,
  type PageContext,
} from './auto-invite-rules';

const page = (overrides: Partial<PageContext> = {}): PageContext => ({
  url: 'https://shop.example.com/pricing?plan=team',
  pagesViewed: 1,
  returning: false,
  searchKeyword: null,
  ...overrides,
});

const rules = (list: unknown[]) => readAutoInviteRules({ widget: { autoInvite: list } }).rules;

describe('auto-invite rules', () => {
  it('reads the valid rules of the widget settings and skips malformed ones', () => {
    const read = readAutoInviteRules({
      widget: {
        autoInvite: [
          { id: 'ok', message: { en: 'Hi' } },
          { id: 'no-text', message: { en: '' } },
          { id: 'bad-seconds', message: { en: 'Hi' }, secondsOnPage: -1 },
          'not a rule',
        ],
      },
    });
    expect(read.rules.map((rule) => rule.id)).toEqual(['ok']);
    expect(read.invalid).toBe(3);
    expect(readAutoInviteRules({}).rules).toEqual([]);
  });

  it('matches a URL pattern against the path and query, or against the whole URL', () => {
    const list = rules([
      { id: 'path', message: { en: 'a' }, urlPattern: '/pricing*' },
      { id: 'full', message: { en: 'b' }, urlPattern: 'https://shop.example.com/*' },
      { id: 'other', message: { en: 'c' }, urlPattern: '/checkout' },
    ]);
    expect(matchingRules(list, page()).map((rule) => rule.id)).toEqual(['path', 'full']);
  });

  it('needs enough pages viewed in the visit', () => {
    const list = rules([{ id: 'r', message: { en: 'a' }, minPagesViewed: 3 }]);
    expect(matchingRules(list, page({ pagesViewed: 2 }))).toHaveLength(0);
    expect(matchingRules(list, page({ pagesViewed: 3 }))).toHaveLength(1);
  });

  it('tells returning visitors from first-time ones', () => {
    const returning = rules([{ id: 'r', message: { en: 'a' }, returning: true }]);
    const first = rules([{ id: 'f', message: { en: 'a' }, returning: false }]);
    expect(matchingRules(returning, page({ returning: false }))).toHaveLength(0);
    expect(matchingRules(returning, page({ returning: true }))).toHaveLength(1);
    expect(matchingRules(first, page({ returning: false }))).toHaveLength(1);
  });

  it('matches a keyword as a substring, or as a glob when it has *', () => {
    const list = rules([
      { id: 'sub', message: { en: 'a' }, keywordPattern: 'shoe' },
      { id: 'glob', message: { en: 'b' }, keywordPattern: 'red *' },
    ]);
    expect(matchingRules(list, page({ searchKeyword: 'Red Shoes' })).map((r) => r.id)).toEqual([
      'sub',
      'glob',
    ]);
    expect(matchingRules(list, page({ searchKeyword: null }))).toHaveLength(0);
  });

  it('needs every condition of a rule', () => {
    const list = rules([
      {
        id: 'r',
        message: { en: 'a' },
        urlPattern: '/pricing*',
        minPagesViewed: 2,
        returning: true,
      },
    ]);
    expect(matchingRules(list, page({ pagesViewed: 2, returning: false }))).toHaveLength(0);
    expect(matchingRules(list, page({ pagesViewed: 2, returning: true }))).toHaveLength(1);
  });

  it("picks the message in the visitor's language, else in the inbox's default language", () => {
    const message = { en: 'Hello', ja: 'こんにちは', 'zh-CN': '您好' };
    const offered: InboxLanguages = { locales: [...WIDGET_LOCALES], defaultLocale: 'en' };
    expect(messageText(message, ['ja-JP', 'en'], offered)).toBe('こんにちは');
    expect(messageText(message, ['zh-CN'], offered)).toBe('您好');
    // zh-TW is offered but the rule has no text in it: the default's, not another Chinese.
    expect(messageText(message, ['zh-TW', 'zh-CN'], offered)).toBe('Hello');
    expect(messageText(message, ['fr'], { ...offered, defaultLocale: 'ja' })).toBe('こんにちは');
    // A language the inbox does not offer is not the visitor's widget language.
    expect(messageText(message, ['ja'], { locales: ['en'], defaultLocale: 'en' })).toBe('Hello');
    expect(messageText({ ja: 'こんにちは' }, ['fr'], offered)).toBeNull();
  });

  it('orders the locales of Accept-Language by preference', () => {
    expect(acceptedLocales('en;q=0.5, ja-JP, zh-CN;q=0.8, *;q=0.1')).toEqual([
      'ja-JP',
      'zh-CN',
      'en',
    ]);
    expect(acceptedLocales(undefined)).toEqual([]);
  });
});
