import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const API_DOCS_PATH = 'api/docs';

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
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Only the agent API: health and metrics are for the platform, not for API clients.
  for (const path of Object.keys(document.paths))
    if (!path.startsWith('/api/v1/')) delete document.paths[path];
  SwaggerModule.setup(API_DOCS_PATH, app, document, { jsonDocumentUrl: `${API_DOCS_PATH}-json` });
}
