import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES } from './languages';

const SRC = path.resolve(__dirname, '..');

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    keysOf(inner, prefix ? `${prefix}.${key}` : key),
  );
}

const namespaces = readdirSync(SRC).filter((folder) => existsSync(path.join(SRC, folder, 'i18n')));

describe('translation catalogues', () => {
  it('finds the namespaces of the shell', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['app', 'auth', 'conversations']));
  });

  it.each(namespaces)('%s has every key in all four languages, none empty', (namespace) => {
    const catalogue = (language: string): Record<string, unknown> =>
      JSON.parse(
        readFileSync(path.join(SRC, namespace, 'i18n', `${language}.json`), 'utf8'),
      ) as Record<string, unknown>;
    const english = keysOf(catalogue('en')).sort();
    for (const language of LANGUAGES) {
      const translated = catalogue(language);
      expect({ language, keys: keysOf(translated).sort() }).toEqual({ language, keys: english });
      const empty = keysOf(translated).filter((key) => {
        const text = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], translated);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
  });
});
