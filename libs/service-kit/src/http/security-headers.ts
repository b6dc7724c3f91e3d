import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';

/**
 * For JSON answers: nothing may be loaded, framed or submitted on their behalf. A page served by
 * a service (the API docs, the inbox) sets its own policy on its own path.
 */
const JSON_API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * Security headers on every HTTP answer, errors included (registered before any route or
 * body parser): nosniff, no X-Powered-By, no framing, no referrer, a strict CSP. Helmet's HSTS
 * stays on: browsers ignore it over plain HTTP and keep it behind a TLS-terminating ingress.
 */
export function applySecurityHeaders(app: INestApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: JSON_API_CSP },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
}
