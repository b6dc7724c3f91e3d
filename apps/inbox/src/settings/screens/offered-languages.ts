import { useTranslation } from 'react-i18next';
import { LOCALES } from '../locales';

/** One language an inbox offers its visitors, named in the agent's language. */
export interface OfferedLanguage {
  locale: string;
  /** "日本語". */
  language: string;
  /** " · Default language" after the inbox's default one's label, else empty. */
  defaultMark: string;
}

/**
 * The languages of `offered`, in the settings' order: each widget text gets one field per
 * language (a visitor reads theirs, else the default language's).
 */
export function useOfferedLanguages(
  offered: readonly string[],
  defaultLocale: string,
): OfferedLanguage[] {
  const { t } = useTranslation('settings');
  return LOCALES.filter((locale) => offered.includes(locale)).map((locale) => ({
    locale,
    language: t(`languages.${locale}`),
    defaultMark: locale === defaultLocale ? ` · ${t('inboxes.defaultLanguage')}` : '',
  }));
}
