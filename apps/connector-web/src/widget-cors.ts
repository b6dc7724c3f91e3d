import type { INestApplication } from '@nestjs/common';
import type { Request } from 'express';

/** The widget's own endpoints: called from customers' sites, so from any origin. */
const WIDGET_API_PREFIX = '/api/v1/widget/';

// The subset of the `cors` package's options used here (Nest does not export their type).
interface CorsOptions {
  origin: boolean;
  methods?: string[];
  credentials?: boolean;
}

const WIDGET_CORS: CorsOptions = { origin: true, methods: ['POST'], credentials: false };
const NO_CORS: CorsOptions = { origin: false };

/**
 * The widget runs on customers' sites: its requests are cross-origin and carry no cookie. Every
 * other path (health, anything added later) stays same-origin only.
 */
export function allowWidgetCrossOrigin(app: INestApplication): void {
  app.enableCors((req: Request, answer: (error: Error | null, options: CorsOptions) => void) =>
    answer(null, req.path.startsWith(WIDGET_API_PREFIX) ? WIDGET_CORS : NO_CORS),
  );
}
