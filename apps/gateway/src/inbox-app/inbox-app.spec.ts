import { inboxAppCsp, originOf } from './inbox-app-csp';
import { isInboxAppRoute } from './inbox-app-routes';

describe('inbox app routes', () => {
  it('answers client routes with the app', () => {
    expect(isInboxAppRoute('/')).toBe(true);
    expect(isInboxAppRoute('/conversations/4f0c')).toBe(true);
    expect(isInboxAppRoute('/sign-in')).toBe(true);
  });

  it('never shadows the API, the sockets, health, metrics, files or assets', () => {
    for (const path of [
      '/api',
      '/api/v1/conversations',
      '/API/V1/agents/me',
      '/ws/agent',
      '/health/ready',
      '/metrics',
    ]) {
      expect({ path, app: isInboxAppRoute(path) }).toEqual({ path, app: false });
    }
    expect(isInboxAppRoute('/files/abc')).toBe(false);
    expect(isInboxAppRoute('/assets/index-abc.js')).toBe(false);
  });

  it('leaves file names (favicon.ico) to the 404 answer', () => {
    expect(isInboxAppRoute('/favicon.ico')).toBe(false);
  });

  it('does not mistake a longer first segment for a reserved one', () => {
    expect(isInboxAppRoute('/apiary')).toBe(true);
  });
});

describe('inbox app CSP', () => {
  it('allows no inline script and sockets only to its own host', () => {
    const csp = inboxAppCsp({ host: 'hub.example.com:8443', fileOrigins: [] });
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(
      "connect-src 'self' ws://hub.example.com:8443 wss://hub.example.com:8443;",
    );
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('lets images come from the file-link origin, and fetches read files there', () => {
    const csp = inboxAppCsp({ host: 'a', fileOrigins: ['https://files.example.com'] });
    expect(csp).toContain("img-src 'self' data: blob: https://files.example.com;");
    expect(csp).toContain("connect-src 'self' ws://a wss://a https://files.example.com;");
  });

  it('drops a Host header that could inject a directive', () => {
    const csp = inboxAppCsp({ host: "evil; script-src 'unsafe-inline'", fileOrigins: [] });
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('reads origins from URLs and ignores what is not one', () => {
    expect(originOf('https://files.example.com/bucket/x')).toBe('https://files.example.com');
    expect(originOf('not a url')).toBeUndefined();
  });
});
