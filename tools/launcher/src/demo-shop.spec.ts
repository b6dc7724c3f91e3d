import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WIDGET_SNIPPET_MARKER, findFreePort, widgetSnippet } from '@hub/dev-infra';
import type { StaticSite } from '@hub/dev-infra';
import { demoShopHint, demoSiteDir, startDemoShop } from './demo-shop';
import { findRepoRoot } from './state';

const root = findRepoRoot(__dirname);
const site = demoSiteDir(root);
const LANGUAGES = { en: 'en', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', ja: 'ja' };
const PAGES = ['contact.html', 'index.html', 'pricing.html', 'product.html'];
const pages = [
  'index.html',
  ...Object.keys(LANGUAGES).flatMap((folder) => PAGES.map((page) => `${folder}/${page}`)),
];
const read = (page: string) => readFileSync(path.join(site, page), 'utf8');

describe('the demo shop', () => {
  const target = {
    hubOrigin: 'http://127.0.0.1:3001',
    inboxId: 'c0ffee00-0000-4000-8000-000000000001',
  };
  let shop: StaticSite;

  beforeAll(async () => {
    shop = await startDemoShop({ root, port: await findFreePort(), ...target });
  });

  afterAll(() => shop?.close());

  it('has the same four pages in every language, each declaring its language', () => {
    for (const [folder, lang] of Object.entries(LANGUAGES)) {
      expect([folder, readdirSync(path.join(site, folder)).sort()]).toEqual([folder, PAGES]);
      for (const page of PAGES)
        expect([page, read(`${folder}/${page}`)]).toEqual([
          page,
          expect.stringContaining(`<html lang="${lang}">`),
        ]);
    }
  });

  it('marks the place of the widget snippet exactly once on every page', () => {
    for (const page of pages)
      expect([page, read(page).split(WIDGET_SNIPPET_MARKER).length - 1]).toEqual([page, 1]);
  });

  it('links only to pages and files it has', () => {
    for (const page of pages) {
      const links = [...read(page).matchAll(/(?:href|src)="([^"#:]+)"/g)].map((m) => m[1]);
      for (const link of links) {
        const file = path.join(site, path.dirname(page), link);
        expect([page, link, readFileSync(file).length > 0]).toEqual([page, link, true]);
      }
    }
  });

  it('serves every page on localhost with the snippet naming the demo inbox', async () => {
    expect(shop.url).toMatch(/^http:\/\/localhost:\d+$/);
    for (const page of pages) {
      const response = await fetch(`${shop.url}/${page}`);
      const html = await response.text();
      expect([page, response.status, html.includes(widgetSnippet(target))]).toEqual([
        page,
        200,
        true,
      ]);
      expect(html).not.toContain(WIDGET_SNIPPET_MARKER);
    }
    expect((await fetch(`${shop.url}/`)).status).toBe(200);
    expect((await fetch(`${shop.url}/style.css`)).headers.get('content-type')).toContain(
      'text/css',
    );
  });

  it('prints its address for the newcomer', () => {
    expect(demoShopHint('http://localhost:3080')).toMatch(/^Demo shop: http:\/\/localhost:3080\/ /);
  });
});
