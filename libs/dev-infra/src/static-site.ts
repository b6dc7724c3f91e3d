import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** What a static site serves; anything else is answered 404. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSiteOptions {
  /** The folder served; `/` and `/x/` answer its `index.html` and `x/index.html`. */
  dir: string;
  /** Where it listens; `localhost` keeps it on another origin than services on 127.0.0.1. */
  host?: string;
  /** 0 (the default) lets the OS pick. */
  port?: number;
  /** Rewrites each HTML page before it is sent (e.g. installs the widget snippet). */
  transformHtml?: (html: string, urlPath: string) => string;
}

export interface StaticSite {
  /** `http://<host>:<port>`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The file a request path names inside `dir`, or undefined when it would leave `dir`. */
export function resolveSitePath(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    // A malformed escape names no file.
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const root = path.resolve(dir);
  const file = path.resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  return file === root || file.startsWith(`${root}${path.sep}`) ? file : undefined;
}

async function answer(
  options: StaticSiteOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const urlPath = new URL(request.url ?? '/', 'http://site').pathname;
  const file = resolveSitePath(options.dir, urlPath);
  const type = file ? CONTENT_TYPES[path.extname(file)] : undefined;
  const found = file && type ? await stat(file).catch(() => undefined) : undefined;
  if (
    !file ||
    !type ||
    !found?.isFile() ||
    (request.method !== 'GET' && request.method !== 'HEAD')
  ) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  let body: Buffer | string = await readFile(file);
  if (type.startsWith('text/html') && options.transformHtml)
    body = options.transformHtml(body.toString('utf8'), urlPath);
  response
    .writeHead(200, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-cache',
    })
    .end(request.method === 'HEAD' ? undefined : body);
}

/** Serves a folder of static files over HTTP until `close()`. */
export function startStaticSite(options: StaticSiteOptions): Promise<StaticSite> {
  const host = options.host ?? 'localhost';
  const server = createServer((request, response) => {
    answer(options, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`failed: ${String(error)}`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
