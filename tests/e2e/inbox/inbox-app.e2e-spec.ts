import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useWidgetSuite } from '../support/browser-hub';
import { inboxText, openInbox, type InboxAgent } from '../support/inbox';

const DIST = path.resolve(__dirname, '..', '..', '..', 'dist', 'apps', 'inbox');

/** The app's entry script, as the build named it in index.html. */
function entryScript(): string {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const match = /src="(\/assets\/[^"]+\.js)"/.exec(html);
  if (!match) throw new Error('no entry script in dist/apps/inbox/index.html (npx nx build inbox)');
  return match[1];
}

describe('the inbox app', () => {
  const suite = useWidgetSuite('inbox_app');
  let ada: InboxAgent | undefined;
  const gatewayUrl = () => suite.hub.suite.hub.service('gateway').url;

  afterAll(async () => {
    await ada?.close();
  });

  it('is served at / and on client routes, uncached, under a CSP with no inline script', async () => {
    for (const route of ['/', '/conversations/some-id?tab=all']) {
      const response = await fetch(`${gatewayUrl()}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+;/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  it('caches hashed assets for a year and leaves the API, health and unknown files alone', async () => {
    const asset = await fetch(`${gatewayUrl()}${entryScript()}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const api = await fetch(`${gatewayUrl()}/api/v1/conversations?view=all`);
    expect({ status: api.status, type: api.headers.get('content-type') }).toEqual({
      status: 401,
      type: expect.stringContaining('application/json') as string,
    });
    expect((await fetch(`${gatewayUrl()}/health/live`)).status).toBe(200);
    expect((await fetch(`${gatewayUrl()}/assets/missing-abc.js`)).status).toBe(404);
    expect(
      (await fetch(`${gatewayUrl()}/api/v1/no-such-route`)).headers.get('content-type'),
    ).toContain('application/json');
  });

  it('signs an agent in and shows the screens of their role', async () => {
    const { workspace } = suite.world;
    ada = await openInbox(suite.hub, workspace, workspace.agents.ada);
    const nav = ada.page.getByRole('navigation', { name: inboxText('en-US', 'app', 'nav.label') });
    await expect(nav.getByRole('link', { name: 'Conversations' }).isVisible()).resolves.toBe(true);
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await ada.screenshot('conversations');
    expect(ada.watch.pageErrors).toEqual([]);
    expect(ada.watch.consoleErrors).toEqual([]);
  });
});
