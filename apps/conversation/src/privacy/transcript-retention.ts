import { Injectable } from '@nestjs/common';
import { SUBJECTS, type WorkspaceRetention } from '@hub/contracts';
import { ScheduledRetention } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { removeTranscripts } from './remove-transcripts';

/**
 * Transcripts of finished conversations (resolved or closed, no message since the cutoff)
 * are removed whole; the conversation rows stay for their counts and durations. The reports'
 * aggregates live in crm's reporting projection and are not touched.
 */
@Injectable()
export class TranscriptRetention extends ScheduledRetention {
  protected workspaces(): Promise<WorkspaceRetention[]> {
    return this.rpc.request(SUBJECTS.gateway.listWorkspaceRetention, {});
  }

  protected removeBefore(
    tx: EntityManager,
    workspaceId: string,
    cutoff: Date,
  ): Promise<Record<string, number>> {
    return removeTranscripts(tx, {
      workspaceId,
      conversations: `select c.id from conversation.conversations c
                       where c.workspace_id = $1 and c.status in ('resolved', 'closed')
                         and c.created_at < $2
                         and not exists (select 1 from conversation.messages m
                                          where m.conversation_id = c.id and m.created_at >= $2)`,
      params: [cutoff],
    });
  }
}
