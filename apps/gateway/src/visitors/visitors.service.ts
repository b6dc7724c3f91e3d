import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type RevokeVisitorSessionsReply,
  type RevokeVisitorSessionsRequest,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';

/** Visitors of the caller's workspace, as connector-web holds their sessions. */
@Injectable()
export class VisitorsService {
  constructor(private readonly rpc: RpcClient) {}

  /** Ends the visitor's widget sessions in the agent's workspace and closes their sockets. */
  revokeSessions(
    agent: AuthenticatedAgent,
    visitorId: string,
  ): Promise<RevokeVisitorSessionsReply> {
    const request: RevokeVisitorSessionsRequest = { workspaceId: agent.workspaceId, visitorId };
    return this.rpc.request(SUBJECTS.web.revokeVisitorSessions, request);
  }
}
