/** A Host header we can put into a policy as it is: a name or IP and an optional port. */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface InboxCspInput {
  /** The host the browser used (PUBLIC_URL's when set, else the request's Host header). */
  host: string | undefined;
  /** Origins file links point at besides this one (the public URL, an S3-compatible store). */
  fileOrigins: readonly string[];
}

/**
 * The inbox page's Content-Security-Policy: scripts and styles only from this origin (no inline
 * code), fetches and the agent socket to this origin, images also from data:/blob: (previews)
 * and the file-link origins, which fetches may read too (a mail's HTML part); nothing may frame
 * it, and forms post only here.
 */
export function inboxAppCsp({ host, fileOrigins }: InboxCspInput): string {
  const sockets = host && PLAIN_HOST.test(host) ? [`ws://${host}`, `wss://${host}`] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...fileOrigins],
    'media-src': ["'self'", 'data:', 'blob:', ...fileOrigins],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...sockets, ...fileOrigins],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${[...new Set(values)].join(' ')}`)
    .join('; ');
}

/** The origin of `url` (`https://files.example.com`), or undefined for none or a bad one. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined; // validated at boot; an unparsable value adds nothing to the policy
  }
}
