import i18next from 'i18next';
import type { BackendModule, ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, pickLanguage, type Language } from './languages';

// Every feature keeps its strings in src/<feature>/i18n/<language>.json: the folder name is the
// namespace, and each catalogue is its own lazily loaded chunk, so a feature adds a namespace
// without touching a shared file and a tab downloads only its language.
const catalogues = import.meta.glob<ResourceKey>('../*/i18n/*.json', { import: 'default' });

function catalogueKey(language: string, namespace: string): string {
  return `../${namespace}/i18n/${language}.json`;
}

export const NAMESPACES = [
  ...new Set(Object.keys(catalogues).map((path) => path.split('/')[1] ?? '')),
].filter(Boolean);

const catalogueBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = catalogues[catalogueKey(language, namespace)];
    if (!load) return callback(null, {});
    load().then(
      (resources) => callback(null, resources),
      (error: Error) => callback(error, null),
    );
  },
};

export async function setUpI18n(): Promise<typeof i18next> {
  await i18next
    .use(catalogueBackend)
    .use(initReactI18next)
    .init({
      lng: pickLanguage(null, navigator.languages),
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: NAMESPACES,
      defaultNS: 'app',
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: false },
    });
  syncDocumentLanguage(i18next.language);
  i18next.on('languageChanged', syncDocumentLanguage);
  return i18next;
}

/** Switches to the agent's language (their profile's, else the browser's). */
export function applyProfileLanguage(profileLocale: string | null | undefined): Promise<unknown> {
  const language: Language = pickLanguage(profileLocale, navigator.languages);
  return language === i18next.language ? Promise.resolve() : i18next.changeLanguage(language);
}

function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}
