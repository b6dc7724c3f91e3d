import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Logger, type INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GatewayEnv } from '../gateway.env';
import { inboxAppCsp, originOf } from './inbox-app-csp';
import { isInboxAppRoute } from './inbox-app-routes';

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Serves the agents' app (apps/inbox, built into INBOX_DIST_DIR): content-hashed `/assets/*`
 * cached for a year, and the index page, never cached, for every client route. Both carry the
 * app's own CSP instead of the API's `default-src 'none'`. Registered before the API's routes,
 * so it must (and does) leave every reserved path to them.
 */
export function serveInboxApp(app: INestApplication, env: GatewayEnv): void {
  const dir = path.resolve(env.INBOX_DIST_DIR);
  const indexPath = path.join(dir, 'index.html');
  const fileOrigins = [originOf(env.PUBLIC_URL), originOf(env.S3_ENDPOINT)].filter(
    (origin): origin is string => origin !== undefined,
  );
  const publicHost = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).host : undefined;
  const policyFor = (req: Request): string =>
    inboxAppCsp({ host: publicHost ?? req.headers.host, fileOrigins });

  void stat(indexPath).catch(() =>
    new Logger('InboxApp').warn(
      { inboxDistDir: dir },
      'inbox app not built: / answers 404 until it is (npx nx build inbox)',
    ),
  );

  app.use(
    '/assets',
    (req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Content-Security-Policy', policyFor(req));
      next();
    },
    express.static(path.join(dir, 'assets'), {
      index: false,
      redirect: false,
      immutable: true,
      maxAge: YEAR_SECONDS * 1000,
    }),
  );

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isInboxAppRoute(req.path))
      return next();
    readFile(indexPath).then(
      (html) => {
        res.setHeader('Content-Security-Policy', policyFor(req));
        res.setHeader('Cache-Control', 'no-cache');
        res.type('html').send(html);
      },
      () => next(), // not built: the API's 404
    );
  });
}
