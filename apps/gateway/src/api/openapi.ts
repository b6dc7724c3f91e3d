import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';

export const API_DOCS_PATH = 'api/docs';

/**
 * What Swagger UI needs and no more: its own scripts and styles from this origin (plus the inline
 * <style> blocks of its page), data: icons in its CSS, and fetches to this origin ("Try it out").
 */
const SWAGGER_UI_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/** OpenAPI document of `/api/v1`, browsable at /api/docs and as JSON at /api/docs-json. */
export function serveApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Hub agent API')
    .setDescription(
      'REST API for agents and supervisors. Log in with POST /api/v1/auth/login, then send ' +
        '`Authorization: Bearer <accessToken>`. Every failure has the shape ' +
        '{ status, code, message, fieldErrors? }. Realtime updates come over the agent WebSocket ' +
        'at /ws/agent (see docs/agent-socket.md).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // Integrators, on the routes that say so (pushing orders).
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Only the agent API: health and metrics are for the platform, not for API clients.
  for (const path of Object.keys(document.paths))
    if (!path.startsWith('/api/v1/')) delete document.paths[path];
  // Replaces the strict API policy on the page and its assets; registered before their routes.
  app.use(
    `/${API_DOCS_PATH}`,
    helmet.contentSecurityPolicy({ useDefaults: false, directives: SWAGGER_UI_CSP }),
  );
  SwaggerModule.setup(API_DOCS_PATH, app, document, { jsonDocumentUrl: `${API_DOCS_PATH}-json` });
}
