import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from './api-prefix';
import { ErrorBodySchema } from './view-schemas';

/**
 * An agent-facing REST controller under `/api/v1/<path>`: bearer JWT (the global JwtAuthGuard
 * enforces it), documented with the error shape every failure uses.
 */
export function ApiController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(`${API_PREFIX}/${path}`),
    ApiTags(tag),
    ApiBearerAuth(),
    ApiResponse({
      status: 400,
      description: 'VALIDATION_FAILED (with fieldErrors)',
      type: ErrorBodySchema,
    }),
    ApiResponse({
      status: 401,
      description:
        'AUTH_TOKEN_MISSING, AUTH_TOKEN_INVALID, AUTH_TOKEN_EXPIRED or AUTH_SESSION_REVOKED',
      type: ErrorBodySchema,
    }),
    ApiResponse({
      status: 503,
      description:
        'UPSTREAM_TIMEOUT or UPSTREAM_UNAVAILABLE: a service behind the gateway did not answer',
      type: ErrorBodySchema,
    }),
  );
}

/** Documents the error responses one route adds to those of its controller. */
export function ApiErrors(...errors: { status: number; description: string }[]): MethodDecorator {
  return applyDecorators(
    ...errors.map((error) => ApiResponse({ ...error, type: ErrorBodySchema })),
  );
}
