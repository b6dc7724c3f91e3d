import {
  detectLocale,
  formatTime,
  inboxText,
  localeForTag,
  starsLabel,
  translator,
} from './locale';

describe('localeForTag', () => {
  it.each([
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-CN', 'zh-TW'],
    ['zh_tw', 'zh-TW'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['en-GB', 'en'],
    ['fr-FR', null],
    ['jav', null],
  ])('%s → %s', (tag, locale) => {
    expect(localeForTag(tag)).toBe(locale);
  });
});

describe('detectLocale', () => {
  it('takes the first browser language the inbox offers', () => {
    expect(detectLocale(['fr-FR', 'ja-JP', 'en-US'], ['en', 'zh-CN', 'zh-TW', 'ja'])).toBe('ja');
  });

  it("falls back to the inbox's default language, else its first, when none fits", () => {
    expect(detectLocale(['fr-FR', 'de'], ['zh-TW', 'en'])).toBe('zh-TW');
    expect(detectLocale(['fr-FR', 'de'], ['zh-TW', 'en'], 'en')).toBe('en');
    expect(detectLocale(['ja'], ['en', 'zh-CN'])).toBe('en');
    expect(detectLocale(['ja'], ['en', 'zh-CN'], 'ja')).toBe('en');
  });
});

describe('inboxText', () => {
  const greeting = { en: 'Hello from the shop', ja: 'ショップへようこそ', 'zh-CN': '  ' };
  it("takes the visitor's language, else the inbox's default language", () => {
    expect(inboxText(greeting, 'ja', 'en')).toBe('ショップへようこそ');
    expect(inboxText(greeting, 'zh-TW', 'en')).toBe('Hello from the shop');
    expect(inboxText(greeting, 'zh-CN', 'en')).toBe('Hello from the shop');
    expect(inboxText({ ja: 'ようこそ' }, 'en', 'zh-CN')).toBeUndefined();
  });
});

describe('translator', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translator('en')('queuePosition', { n: 3 })).toBe('You are number 3 in the queue');
    expect(translator('ja')('estimatedWait', { m: 4 })).toBe('予想待ち時間：約 4 分');
    expect(translator('zh-TW')('typing', { name: '王小明' })).toBe('王小明 正在輸入…');
  });

  it('names the rating radios "1 star" … "5 stars"', () => {
    const t = translator('en');
    expect([1, 2, 5].map((n) => starsLabel(t, n))).toEqual(['1 star', '2 stars', '5 stars']);
  });
});

describe('formatTime', () => {
  it('formats a message time with Intl in the visitor language', () => {
    const iso = '2026-03-01T14:05:00Z';
    expect(formatTime('en', iso)).toBe(
      new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date(iso)),
    );
    expect(formatTime('ja', iso)).toMatch(/\d{1,2}:05/);
    expect(formatTime('en', 'not a date')).toBe('');
  });
});
