import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveSitePath, startStaticSite } from './static-site';
import type { StaticSite } from './static-site';

describe('static site', () => {
  let dir: string;
  let site: StaticSite;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'static-site-'));
    mkdirSync(path.join(dir, 'ja'));
    writeFileSync(path.join(dir, 'index.html'), '<p>home</p>');
    writeFileSync(path.join(dir, 'ja', 'index.html'), '<p>ようこそ</p>');
    writeFileSync(path.join(dir, 'style.css'), 'p { color: teal }');
    writeFileSync(path.join(dir, 'notes.md'), 'not served');
    site = await startStaticSite({
      dir,
      transformHtml: (html, urlPath) => html.replace('</p>', ` @ ${urlPath}</p>`),
    });
  });

  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (urlPath: string) => {
    const response = await fetch(`${site.url}${urlPath}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };

  it('serves index pages of folders through the HTML transform, and other files as they are', async () => {
    expect(site.url).toBe(`http://localhost:${site.port}`);
    expect(await get('/')).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<p>home @ /</p>',
    });
    expect(await get('/ja/?from=search')).toMatchObject({
      status: 200,
      body: '<p>ようこそ @ /ja/</p>',
    });
    expect(await get('/style.css')).toEqual({
      status: 200,
      type: 'text/css; charset=utf-8',
      body: 'p { color: teal }',
    });
  });

  it('answers 404 for missing files, unknown types and paths leaving the folder', async () => {
    expect((await get('/missing.html')).status).toBe(404);
    expect((await get('/notes.md')).status).toBe(404);
    expect((await get('/ja')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('resolves request paths only inside the folder', () => {
    expect(resolveSitePath('/site', '/a/b.html')).toBe('/site/a/b.html');
    expect(resolveSitePath('/site', '/a/')).toBe('/site/a/index.html');
    expect(resolveSitePath('/site', '/../secret.html')).toBeUndefined();
    expect(resolveSitePath('/site', '/%2e%2e/secret.html')).toBeUndefined();
    expect(resolveSitePath('/site', '/%E0%A4%A')).toBeUndefined();
    expect(resolveSitePath('/site', '/a%00.html')).toBeUndefined();
  });
});
