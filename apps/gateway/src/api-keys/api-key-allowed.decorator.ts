import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiSecurity } from '@nestjs/swagger';
import { ApiKeyGuard } from './api-key.guard';

export const API_KEY_ALLOWED = Symbol('API_KEY_ALLOWED');

/**
 * A route integrators may call with `X-Api-Key` instead of an agent's bearer token: the global
 * JwtAuthGuard lets a request carrying only a key through, and ApiKeyGuard checks the key.
 */
export function ApiKeyAllowed(): MethodDecorator {
  return applyDecorators(
    SetMetadata(API_KEY_ALLOWED, true),
    UseGuards(ApiKeyGuard),
    ApiSecurity('apiKey'),
    ApiHeader({ name: 'X-Api-Key', required: false, description: "An integrator's API key" }),
  );
}
