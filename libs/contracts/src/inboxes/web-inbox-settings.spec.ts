import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { WIDGET_LOCALES, WidgetSettings } from './web-inbox-settings';

/** The refused properties of `settings.widget`, as `autoInvite.0.message`. */
function refused(widget: Record<string, unknown>): string[] {
  const paths: string[] = [];
  const walk = (errors: ReturnType<typeof validateSync>, prefix: string) => {
    for (const error of errors) {
      const path = `${prefix}${error.property}`;
      if (error.constraints) paths.push(path);
      walk(error.children ?? [], `${path}.`);
    }
  };
  // As the gateway checks inbox settings: properties no class declares are refused.
  const errors = validateSync(plainToInstance(WidgetSettings, widget), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  walk(errors, '');
  return paths;
}

const rule = (message: unknown) => ({ id: 'pricing', message, secondsOnPage: 10 });

describe('settings.widget auto-invite messages', () => {
  it('takes a text per widget language, the default language among them', () => {
    expect(
      refused({ defaultLocale: 'ja', autoInvite: [rule({ ja: 'ご質問は？', en: 'Questions?' })] }),
    ).toEqual([]);
    expect(refused({ autoInvite: [rule({ en: 'Questions?' })] })).toEqual([]);
  });

  it('refuses a blank text, a text over 1000 characters and a language the widget lacks, by its language', () => {
    expect(refused({ autoInvite: [rule({ en: 'Hi', ja: ' ' })] })).toEqual([
      'autoInvite.0.message.ja',
    ]);
    expect(refused({ autoInvite: [rule({ en: 'Hi', 'zh-TW': 'x'.repeat(1001) })] })).toEqual([
      'autoInvite.0.message.zh-TW',
    ]);
    expect(refused({ autoInvite: [rule({ en: 'Hi', 'zh-CN': 'a\u0000b' })] })).toEqual([
      'autoInvite.0.message.zh-CN',
    ]);
    expect(refused({ autoInvite: [rule({ en: 'Hi', fr: 'Salut' })] })).toEqual([
      'autoInvite.0.message.fr',
    ]);
    expect(refused({ autoInvite: [rule('Hi')] })).toContain('autoInvite.0.message');
  });

  it('takes a text in each of the widget languages', () => {
    const message = Object.fromEntries(WIDGET_LOCALES.map((locale) => [locale, `Hi ${locale}`]));
    expect(refused({ autoInvite: [rule(message)] })).toEqual([]);
  });

  it('refuses a rule without a text in the default language, which other visitors fall back to', () => {
    expect(refused({ defaultLocale: 'ja', autoInvite: [rule({ en: 'Questions?' })] })).toEqual([
      'autoInvite',
    ]);
    expect(refused({ autoInvite: [rule({ 'zh-TW': '有問題嗎？' })] })).toEqual(['autoInvite']);
  });

  it('still takes empty greetings (the widget then shows its own)', () => {
    expect(refused({ greeting: { en: '' } })).toEqual([]);
  });
});
