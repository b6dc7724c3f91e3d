import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedAgent } from './authenticated-agent';

export interface AuthenticatedRequest extends Request {
  agent?: AuthenticatedAgent;
  /** On routes open to integrators: the API key the ApiKeyGuard verified. */
  integrator?: { apiKeyId: string; workspaceId: string };
}

/** The agent the JwtAuthGuard verified for this request. */
export const CurrentAgent = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedAgent => {
    const agent = context.switchToHttp().getRequest<AuthenticatedRequest>().agent;
    // The guard runs before every /api/v1 handler; reaching here without an agent is a wiring bug.
    if (!agent) throw new Error('CurrentAgent used on a route the JwtAuthGuard does not protect');
    return agent;
  },
);
