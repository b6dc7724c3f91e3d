import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type InvitationView,
  type RevokeVisitorSessionsReply,
  type RevokeVisitorSessionsRequest,
  type VisitorTrailView,
  type VisitorView,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';

/** Visitors of the caller's workspace, as connector-web holds their sessions and visits. */
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

  online(agent: AuthenticatedAgent): Promise<VisitorView[]> {
    return this.rpc.request(SUBJECTS.web.listOnlineVisitors, { workspaceId: agent.workspaceId });
  }

  trail(agent: AuthenticatedAgent, visitorId: string): Promise<VisitorTrailView> {
    return this.rpc.request(SUBJECTS.web.visitorTrail, {
      workspaceId: agent.workspaceId,
      visitorId,
    });
  }

  /** The agent invites an online visitor who is not chatting; the widget shows it at once. */
  invite(agent: AuthenticatedAgent, visitorId: string, message: string): Promise<InvitationView> {
    return this.rpc.request(SUBJECTS.web.sendInvitation, {
      workspaceId: agent.workspaceId,
      visitorId,
      agentId: agent.agentId,
      message,
    });
  }
}
