import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStaticSite, widgetSnippet } from '@hub/dev-infra';

/** Page titles a hostile or careless site might carry: each must reach agents as text. */
export const XSS_TITLE = `<script>alert('title')</script><img src=x onerror="alert('title-img')">`;

/**
 * Rules a real site's stylesheet might apply to everything: type selectors and `*` with
 * `!important`. They must not reach inside the widget's shadow root. (`div { display: none }`
 * is left out on purpose: the widget's host is the `<div id="hub-widget">` the SPEC names, which
 * no shadow root can protect from rules on the host element itself.)
 */
export const HOSTILE_CSS = `
* { color: red !important; font: 40px serif !important; letter-spacing: 4px !important; }
button { background: lime !important; border: 10px solid red !important; padding: 50px !important;
  width: 300px !important; height: 120px !important; border-radius: 0 !important; }
input, textarea { background: black !important; color: yellow !important; }
img, svg { width: 200px !important; height: 200px !important; }
p, span, li, h1, h2, h3 { text-transform: uppercase !important; margin: 30px !important; }
[role=dialog], [role=log] { display: none !important; }
`;

function page({ title, body, head = '' }: { title: string; body: string; head?: string }) {
  const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return (snippet: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>${text(title)}</title>${head}</head>
  <body>
    ${body}
    ${snippet}
  </body>
</html>
`;
}

// The pages a test visitor browses: two ordinary ones, the hostile-CSS twin of the first, a page
// whose title is an XSS payload, and the page a pushed link points to.
const PAGES = {
  'index.html': page({
    title: 'Trail Runners — Home',
    body: '<h1>Trail Runners</h1><p>Shoes for every kind of trail.</p><a href="shoes.html">Shoes</a>',
  }),
  'shoes.html': page({
    title: 'Trail Runners — Shoes',
    body: '<h1>Shoes</h1><p>Our running shoes, sizes 36 to 48.</p><a href="index.html">Home</a>',
  }),
  'hostile.html': page({
    title: 'Trail Runners — Home',
    head: `<style>${HOSTILE_CSS}</style>`,
    body: '<h1>Trail Runners</h1><p>Shoes for every kind of trail.</p><a href="shoes.html">Shoes</a>',
  }),
  'xss.html': page({ title: XSS_TITLE, body: '<h1>A page with a hostile title</h1>' }),
  'size-guide.html': page({ title: 'Size guide', body: '<h1>Size guide</h1>' }),
} as const;

export type HostPage = keyof typeof PAGES;

export interface HostSite {
  /** `http://localhost:<port>`: another origin than the hub's services on 127.0.0.1. */
  url: string;
  pageUrl(page: HostPage, query?: Record<string, string>): string;
  close(): Promise<void>;
}

/**
 * A customer's website for browser tests: static pages on their own origin, each embedding the
 * widget with the snippet a site owner would paste, pointed at connector-web and `inboxId`.
 */
export async function startHostSite(target: {
  hubOrigin: string;
  inboxId: string;
}): Promise<HostSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-host-site-'));
  const snippet = widgetSnippet(target);
  for (const [name, render] of Object.entries(PAGES))
    writeFileSync(path.join(dir, name), render(snippet));
  const site = await startStaticSite({ dir, host: 'localhost' });
  return {
    url: site.url,
    pageUrl: (name, query) =>
      `${site.url}/${name}${query ? `?${new URLSearchParams(query).toString()}` : ''}`,
    async close() {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
