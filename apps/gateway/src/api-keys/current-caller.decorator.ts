import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CrmActor } from '@hub/contracts';
import type { AuthenticatedRequest } from '../auth/current-agent.decorator';

/** Who calls a route open to agents and integrators, and in which workspace. */
export interface Caller {
  workspaceId: string;
  actor: CrmActor;
}

/** The agent (bearer token) or integrator (API key) the guards verified for this request. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.agent) {
      return {
        workspaceId: request.agent.workspaceId,
        actor: { type: 'agent', id: request.agent.agentId },
      };
    }
    if (request.integrator) {
      return {
        workspaceId: request.integrator.workspaceId,
        actor: { type: 'integrator', id: request.integrator.apiKeyId },
      };
    }
    throw new Error('CurrentCaller used on a route neither guard protects');
  },
);
