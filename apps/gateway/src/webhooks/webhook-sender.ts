import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedTarget } from './target-address';

export interface WebhookRequest {
  url: URL;
  /** Where to connect: the address vetted by `resolveTarget`, never resolved again. */
  target: ResolvedTarget;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** What became of one attempt: `ok` only for a 2xx answer. */
export type AttemptOutcome =
  { ok: true; status: number } | { ok: false; status?: number; error: string };

// Connects to the vetted address whatever the name resolves to now (DNS rebinding); TLS still
// checks the certificate against the URL's host name.
function pinnedLookup(target: ResolvedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/**
 * One POST of a signed delivery. Redirects are not followed (a 3xx is a failure: a redirect could
 * lead anywhere, private addresses included), and the answer's body is not read beyond its end.
 */
export function postWebhook(request: WebhookRequest): Promise<AttemptOutcome> {
  const transport = request.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const outgoing = transport.request(
      request.url,
      {
        method: 'POST',
        lookup: pinnedLookup(request.target),
        timeout: request.timeoutMs,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': 'hub-webhooks/1',
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.on('end', () => {
          if (status >= 200 && status < 300) resolve({ ok: true, status });
          else if (status >= 300 && status < 400) {
            resolve({ ok: false, status, error: `redirect to elsewhere (${status}) not followed` });
          } else resolve({ ok: false, status, error: `answered ${status}` });
        });
        response.on('error', (error) => resolve({ ok: false, status, error: error.message }));
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`no answer in ${request.timeoutMs} ms`)),
    );
    outgoing.on('error', (error) => resolve({ ok: false, error: error.message }));
    outgoing.end(request.body);
  });
}
