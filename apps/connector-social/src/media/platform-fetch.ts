/** Why a media file was not fetched: said in the message instead of the file. */
export class MediaRefused extends Error {}

/**
 * True when `url` is on one of `allowed`: `host` or `host:port` exactly, or a subdomain of a
 * host given without a port. Anything else (another host, an IP a payload names, a userinfo
 * trick) is refused: media comes only from the platform's own servers (no SSRF).
 */
export function isAllowedMediaUrl(url: string, allowed: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return allowed.some((entry) =>
    entry.includes(':')
      ? parsed.host === entry
      : parsed.port === '' && (parsed.hostname === entry || parsed.hostname.endsWith(`.${entry}`)),
  );
}

/** The hosts of a comma-separated list and of the configured API bases. */
export function allowedHosts(list: string, ...bases: string[]): string[] {
  const hosts = list
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
  return [...hosts, ...bases.map((base) => new URL(base).host)];
}

const TIMEOUT_MS = 15_000;

/**
 * The bytes at `url`, fetched only from an allowed host, without following redirects (a
 * redirect could lead anywhere), and never more than `maxBytes`: a larger file is refused as
 * soon as its length (announced or read) passes the limit.
 */
export async function fetchMedia(request: {
  url: string;
  allowed: readonly string[];
  maxBytes: number;
  headers?: Record<string, string>;
}): Promise<Buffer> {
  if (!isAllowedMediaUrl(request.url, request.allowed)) {
    throw new MediaRefused('not on the platform’s media host');
  }
  const response = await fetch(request.url, {
    headers: request.headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status >= 300 && response.status < 400) {
    throw new MediaRefused('the platform redirected elsewhere');
  }
  // A 5xx or 429 is the platform's trouble for now: thrown as such, the webhook is retried.
  if (response.status >= 500 || response.status === 429) {
    throw new Error(`media host answered ${response.status}`);
  }
  if (!response.ok) throw new MediaRefused(`the platform answered ${response.status}`);
  const announced = Number(response.headers.get('content-length') ?? '0');
  if (announced > request.maxBytes) {
    await response.body?.cancel();
    throw new MediaRefused('too large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > request.maxBytes) throw new MediaRefused('too large');
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}
