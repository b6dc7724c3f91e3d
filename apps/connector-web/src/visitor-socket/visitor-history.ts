import { Injectable } from '@nestjs/common';
import { SUBJECTS, type VisitorHistoryReply, type VisitorHistoryRequest } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import type { VisitorIdentity } from '../visitor-sessions/visitor-sessions.service';

/** The visitor's current (or last) conversation and its messages after a seq, from conversation. */
@Injectable()
export class VisitorHistory {
  constructor(private readonly rpc: RpcClient) {}

  fetch(visitor: VisitorIdentity, afterSeq: number): Promise<VisitorHistoryReply> {
    return this.rpc.request(SUBJECTS.conversation.visitorHistory, {
      workspaceId: visitor.workspaceId,
      inboxId: visitor.inboxId,
      visitorId: visitor.visitorId,
      afterSeq,
    } satisfies VisitorHistoryRequest);
  }
}
