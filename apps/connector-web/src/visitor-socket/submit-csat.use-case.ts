import { Injectable } from '@nestjs/common';
import { SUBJECTS, type SubmitCsatRequest } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { refField, type FrameRef } from '@hub/socket-kit';
import type { CsatSubmitFrame } from './frames/client-frames';
import { sendFrame } from './send-frame';
import { VisitorMessageLimit } from './visitor-message-limit';
import type { VisitorSocket } from './visitor-socket';

/**
 * `csat.submit` → `csat.ack`: the visitor rates a conversation. The visitor, inbox and
 * workspace come from the socket's session, never the frame; conversation refuses
 * CSAT_NOT_ALLOWED unless the conversation is theirs and resolved. The visitor's tabs see the
 * rating in the `conversation.updated` that follows.
 */
@Injectable()
export class SubmitVisitorCsat {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limit: VisitorMessageLimit,
  ) {}

  async execute(
    socket: VisitorSocket,
    frame: CsatSubmitFrame,
    ref: FrameRef | undefined,
  ): Promise<void> {
    const visitor = socket.visitor!;
    // Counted with the visitor's messages: a rating costs a write too.
    this.limit.admit(visitor.visitorId);
    const request: SubmitCsatRequest = {
      workspaceId: visitor.workspaceId,
      inboxId: visitor.inboxId,
      visitorId: visitor.visitorId,
      conversationId: frame.conversationId,
      rating: frame.rating,
      ...(frame.comment === undefined ? {} : { comment: frame.comment }),
    };
    await this.rpc.request(SUBJECTS.conversation.submitCsat, request);
    sendFrame(socket, { type: 'csat.ack', ...refField(ref), conversationId: frame.conversationId });
  }
}
