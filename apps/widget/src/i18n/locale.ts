import type { Locale } from '../api/types';
import { CATALOGUES, LOCALES, type MessageKey } from './catalogues';

/**
 * The widget locale a BCP 47 tag asks for, or null when none fits: Traditional Chinese for
 * Taiwan, Hong Kong, Macau and any `zh-Hant`; Simplified for every other Chinese.
 */
export function localeForTag(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (lower === 'zh-tw' || lower === 'zh-hk' || lower === 'zh-mo' || lower.startsWith('zh-hant'))
    return 'zh-TW';
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'ja' || lower.startsWith('ja-')) return 'ja';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

/** The first of the browser's languages that the inbox offers, else the inbox's default. */
export function detectLocale(
  browserLanguages: readonly string[],
  offered: readonly Locale[],
  fallback?: Locale,
): Locale {
  const available = offered.length > 0 ? offered : LOCALES;
  for (const tag of browserLanguages) {
    const locale = localeForTag(tag);
    if (locale && available.includes(locale)) return locale;
  }
  return fallback && available.includes(fallback) ? fallback : available[0];
}

/**
 * An inbox's own text (greeting, launcher text) in the visitor's language, else in the inbox's
 * default language; undefined when it has neither (the widget's own wording then).
 */
export function inboxText(
  texts: Partial<Record<Locale, string>>,
  locale: Locale,
  defaultLocale: Locale,
): string | undefined {
  return texts[locale]?.trim() || texts[defaultLocale]?.trim() || undefined;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one locale: `t('queuePosition', { n: 2 })`. */
export function translator(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** "1 star", "4 stars" (and their translations). */
export function starsLabel(t: Translate, n: number): string {
  return n === 1 ? t('oneStar') : t('stars', { n });
}

/** A message time in the visitor's language ("14:05", "2:05 PM", "午後2:05"). */
export function formatTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** A byte size for limits ("10 MB"), in the visitor's language's number format. */
export function formatBytes(locale: Locale, bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1)
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    }).format(megabytes);
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 0,
  }).format(Math.max(1, bytes / 1024));
}
