import { Injectable } from '@nestjs/common';
import { SUBJECTS, type LiveFiguresView, type WorkspaceScopedRequest } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { authErrors } from '../auth/auth.exception';
import { isSupervisor, type AuthenticatedAgent } from '../auth/authenticated-agent';

/** The supervisor view's live figures, from routing. */
@Injectable()
export class LiveFiguresService {
  constructor(private readonly rpc: RpcClient) {}

  get(agent: AuthenticatedAgent): Promise<LiveFiguresView> {
    if (!isSupervisor(agent)) throw authErrors.forbidden('see the live figures');
    const request: WorkspaceScopedRequest = { workspaceId: agent.workspaceId };
    return this.rpc.request(SUBJECTS.routing.liveFigures, request);
  }
}
