export const LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The name of each language in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  ja: '日本語',
};

/** Our language for one BCP 47 tag, or undefined when we do not speak it. */
export function languageOf(tag: string): Language | undefined {
  const lower = tag.toLowerCase();
  if (lower.startsWith('ja')) return 'ja';
  if (lower.startsWith('en')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-')) {
    const traditional = ['zh-tw', 'zh-hk', 'zh-mo', 'zh-hant'].some((t) => lower.startsWith(t));
    return traditional ? 'zh-TW' : 'zh-CN';
  }
  return undefined;
}

/** The agent's profile locale if set and spoken, then the browser's languages, then English. */
export function pickLanguage(
  profileLocale: string | null | undefined,
  browserLanguages: readonly string[],
): Language {
  for (const tag of [profileLocale, ...browserLanguages]) {
    const language = tag ? languageOf(tag) : undefined;
    if (language) return language;
  }
  return 'en';
}
