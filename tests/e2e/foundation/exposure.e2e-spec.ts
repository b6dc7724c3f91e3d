import { randomUUID } from 'node:crypto';
import { AgentRole } from '@hub/domain';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What every HTTP answer carries, whatever its status. */
function expectSecurityHeaders(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-powered-by')).toBeNull();
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

function directivesOf(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '').split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('what the hub shows the outside world', () => {
  let suite: HubSuite;
  let api: GatewayApi;
  let workspace: WorkspaceFixture;

  beforeAll(async () => {
    suite = await startHubSuite('expose', ['gateway', 'routing', 'crm', 'connector-web']);
    workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    api = new GatewayApi(suite.hub.service('gateway').url);
  }, 90_000);

  afterAll(async () => {
    await suite?.stop();
  });

  const alice = () => workspace.agents.alice;

  describe('security headers', () => {
    it('are on a REST answer and on error answers, with a CSP that allows nothing', async () => {
      const token = await api.login(workspace.slug, alice().email, alice().password);
      const answers = [
        await api.call('GET', '/api/v1/agents/me', { token }),
        await api.call('GET', '/api/v1/agents/me'),
        await api.call('GET', '/api/no-such-route'),
        await api.call('POST', '/api/v1/auth/login', { body: '{"broken' }),
      ];

      expect(answers.map(({ status }) => status)).toEqual([200, 401, 404, 400]);
      for (const { headers } of answers) {
        expectSecurityHeaders(headers);
        expect(directivesOf(headers.get('content-security-policy')).get('default-src')).toEqual([
          "'none'",
        ]);
      }
    });

    it('are on connector-web answers too', async () => {
      const response = await fetch(`${suite.hub.service('connector-web').url}/health/live`);

      expectSecurityHeaders(response.headers);
    });
  });

  describe('the API docs page', () => {
    it('loads its scripts and styles from the gateway, which its CSP allows', async () => {
      const page = await fetch(`${api.baseUrl}/api/docs`);
      const html = await page.text();
      const csp = directivesOf(page.headers.get('content-security-policy'));
      expectSecurityHeaders(page.headers);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
      expect(csp.get('connect-src')).toEqual(["'self'"]);

      // Inline scripts would be blocked by script-src 'self': every script must be a file.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
      const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(scripts).toHaveLength(3);
      expect(styles).toHaveLength(1);
      for (const [references, contentType] of [
        [scripts, 'javascript'],
        [styles, 'text/css'],
      ] as const) {
        for (const reference of references) {
          const url = new URL(reference, page.url);
          expect(url.origin).toBe(new URL(api.baseUrl).origin);
          const asset = await fetch(url);
          expect({ url: url.pathname, status: asset.status }).toEqual({
            url: url.pathname,
            status: 200,
          });
          expect(asset.headers.get('content-type')).toContain(contentType);
          if (contentType === 'text/css') {
            // Images in the stylesheet: only data: URLs, which img-src allows.
            const images = [...(await asset.text()).matchAll(/url\(\s*["']?([^"')]+)/g)];
            expect(images.every((m) => m[1].startsWith('data:'))).toBe(true);
          }
        }
      }
    });
  });

  describe('token answers', () => {
    it('keep a login, successful or not, out of every cache', async () => {
      const good = await api.call('POST', '/api/v1/auth/login', {
        body: { workspace: workspace.slug, email: alice().email, password: alice().password },
      });
      const bad = await api.call('POST', '/api/v1/auth/login', {
        body: { workspace: workspace.slug, email: alice().email, password: 'wrong-password' },
      });

      expect([good.status, bad.status]).toEqual([200, 401]);
      expect(good.headers.get('cache-control')).toBe('no-store');
      expect(bad.headers.get('cache-control')).toBe('no-store');
    });

    it('leave other answers to the usual caching rules', async () => {
      const health = await api.call('GET', '/health/live');

      expect(health.headers.get('cache-control')).toBeNull();
    });
  });

  describe('cross-origin requests to connector-web', () => {
    const connectorWeb = () => suite.hub.service('connector-web').url;
    const shop = 'https://shop.example';

    it('are allowed from any site for the widget endpoints', async () => {
      const preflight = await fetch(`${connectorWeb()}/api/v1/widget/sessions`, {
        method: 'OPTIONS',
        headers: { origin: shop, 'access-control-request-method': 'POST' },
      });

      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(shop);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    });

    it('are not allowed anywhere else', async () => {
      const health = await fetch(`${connectorWeb()}/health/ready`, { headers: { origin: shop } });

      expect(health.status).toBe(200);
      expect(health.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('correlation ids', () => {
    it('echoes a well-formed caller id', async () => {
      const { headers } = await api.call('GET', '/health/live', {
        headers: { 'x-correlation-id': 'shop-42:req.7_a' },
      });

      expect(headers.get('x-correlation-id')).toBe('shop-42:req.7_a');
    });

    it.each([
      ['2 KB long', 'a'.repeat(2048)],
      ['with spaces and quotes', 'x" level="fatal'],
    ])('replaces a caller id %s with a fresh one', async (_, hostile) => {
      const { status, headers } = await api.call('GET', '/health/live', {
        headers: { 'x-correlation-id': hostile },
      });

      expect(status).toBe(200);
      expect(headers.get('x-correlation-id')).toMatch(UUID);
    });
  });

  // Last: it stops crm.
  describe('a service behind the gateway that does not answer', () => {
    it('is named to the client in its terms, while the log keeps the subject', async () => {
      const token = await api.login(workspace.slug, alice().email, alice().password);
      await suite.hub.service('crm').stop();
      const hostileId = 'z'.repeat(2048);

      const { status, body, headers } = await api.call<{ code: string; message: string }>(
        'GET',
        `/api/v1/customers/${randomUUID()}`,
        { token, headers: { 'x-correlation-id': hostileId } },
      );

      expect(status).toBe(503);
      expect(['UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE']).toContain(body.code);
      expect(body.message).toMatch(/^The crm service (did not answer in time|is unavailable)$/);
      expectSecurityHeaders(headers);
      const correlationId = headers.get('x-correlation-id');
      expect(correlationId).toMatch(UUID);
      const logged = await suite.hub
        .service('gateway')
        .waitForLog((line) => line.subject === 'crm.customer.get');
      expect(logged).toMatchObject({ level: 'warn', correlationId });
      expect(
        suite.hub.service('gateway').logs.some((line) => JSON.stringify(line).includes(hostileId)),
      ).toBe(false);
    });
  });
});
