import { Injectable } from '@nestjs/common';
import { SUBJECTS, type EmailTranscriptRequest } from '@hub/contracts';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { RpcClient } from '@hub/service-kit';
import { refField, type FrameRef } from '@hub/socket-kit';
import type { TranscriptRequestFrame } from './frames/client-frames';
import { sendFrame } from './send-frame';
import type { VisitorSocket } from './visitor-socket';

/** Transcript mails per conversation per hour: enough for a typo, too few to mail-bomb anyone. */
export const TRANSCRIPT_MAILS_PER_HOUR = 3;

/**
 * `transcript.request` → `transcript.ack`: the visitor has their conversation mailed to them.
 * The visitor, inbox and workspace come from the socket's session, never the frame; conversation
 * refuses TRANSCRIPT_NOT_ALLOWED unless the conversation is theirs, and TRANSCRIPT_UNAVAILABLE
 * when the workspace has no email inbox. Counted per conversation across replicas and sockets:
 * past the limit, RATE_LIMITED with the time to wait.
 */
@Injectable()
export class RequestVisitorTranscript {
  private readonly perConversation: RateLimit;

  constructor(
    private readonly rpc: RpcClient,
    store: RateLimitStore,
  ) {
    this.perConversation = store.limit('transcript-mails', [
      { points: TRANSCRIPT_MAILS_PER_HOUR, windowSeconds: 3_600 },
    ]);
  }

  async execute(
    socket: VisitorSocket,
    frame: TranscriptRequestFrame,
    ref: FrameRef | undefined,
  ): Promise<void> {
    const visitor = socket.visitor!;
    // Per visitor and conversation: only its own visitor may have a conversation mailed.
    await this.perConversation.consume(`${visitor.visitorId}:${frame.conversationId}`);
    const request: EmailTranscriptRequest = {
      workspaceId: visitor.workspaceId,
      inboxId: visitor.inboxId,
      visitorId: visitor.visitorId,
      conversationId: frame.conversationId,
      email: frame.email.toLowerCase(),
      language: frame.language,
    };
    await this.rpc.request(SUBJECTS.conversation.emailTranscript, request);
    sendFrame(socket, {
      type: 'transcript.ack',
      ...refField(ref),
      conversationId: frame.conversationId,
    });
  }
}
