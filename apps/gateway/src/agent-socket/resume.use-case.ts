import { Injectable } from '@nestjs/common';
import type { ErrorBody } from '@hub/service-kit';
import { toErrorBody } from '@hub/socket-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { ConversationsService } from '../conversations/conversations.service';
import type { AgentConnection } from './agent-connection';
import type { ResumeFrame } from './frames';

const PAGE = 500;

export interface ResumeAck {
  type: 'resume.ack';
  /** conversationId → the last seq now sent to the client. */
  conversations: Record<string, number>;
  /** conversationId → why it could not be replayed (unknown here, another workspace...). */
  failed: Record<string, ErrorBody>;
}

/**
 * Sends what a reconnecting client missed: for each conversation, the stored messages after
 * its last seq, in order, as `message.created` frames. Live messages of that conversation
 * arriving meanwhile are held and sent after the replay, so the client sees seq order.
 */
@Injectable()
export class ResumeUseCase {
  constructor(private readonly conversations: ConversationsService) {}

  async run(
    connection: AgentConnection,
    agent: AuthenticatedAgent,
    frame: ResumeFrame,
  ): Promise<ResumeAck> {
    const entries = Object.entries(frame.conversations);
    for (const [conversationId] of entries) connection.beginReplay(conversationId);
    const ack: ResumeAck = { type: 'resume.ack', conversations: {}, failed: {} };
    for (const [conversationId, lastSeq] of entries) {
      const progress = { lastSeq };
      try {
        await this.replay(connection, agent, conversationId, progress);
        ack.conversations[conversationId] = connection.endReplay(conversationId, progress.lastSeq);
      } catch (error) {
        connection.endReplay(conversationId, progress.lastSeq);
        ack.failed[conversationId] = toErrorBody(error);
      }
    }
    return ack;
  }

  private async replay(
    connection: AgentConnection,
    agent: AuthenticatedAgent,
    conversationId: string,
    progress: { lastSeq: number },
  ): Promise<void> {
    for (;;) {
      const page = await this.conversations.messages(agent, conversationId, {
        afterSeq: progress.lastSeq,
        limit: PAGE,
      });
      for (const message of page) {
        connection.send({ type: 'message.created', message });
        progress.lastSeq = message.seq;
      }
      if (page.length < PAGE || !connection.isOpen) return;
    }
  }
}
