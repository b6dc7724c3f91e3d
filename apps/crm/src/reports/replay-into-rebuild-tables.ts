import { Injectable } from '@nestjs/common';
import { replayStream, type ReplayedMessage } from '@hub/messaging';
import { Messaging } from '@hub/service-kit';
import type { QueryRunner } from 'typeorm';
import { deriveSessions } from './derive-sessions';
import { insertFacts } from './fact-writer';
import {
  createRebuildTables,
  dropRebuildTables,
  REBUILD_TABLES,
  swapInRebuiltTables,
} from './rebuild-tables';
import { replayedFacts } from './replayed-facts';

/** What one rebuild replays, and where it reports how far it got. */
export interface ReplayJob {
  runner: QueryRunner;
  workspaceId: string;
  namespace: string;
  progress: { eventsRead: number };
  beforeCommit: () => Promise<void>;
}

/**
 * An ordered replay of the EVENTS stream into fresh tables, then the swap. Events stored while
 * the replay ran are read again inside the swap's transaction, which holds the live tables
 * against writes: whatever the live consumers applied meanwhile is in the stream before that
 * point, so nothing they wrote is lost, and what they apply after it is theirs to write.
 */
@Injectable()
export class ReplayIntoRebuildTables {
  constructor(private readonly messaging: Messaging) {}

  async execute(job: ReplayJob): Promise<void> {
    const db = job.runner.manager;
    await createRebuildTables(db);
    try {
      const readUpTo = await this.replay(job, 1, (facts) => insertFacts(db, REBUILD_TABLES, facts));
      await deriveSessions(db, REBUILD_TABLES, { workspaceId: job.workspaceId });
      await job.runner.startTransaction();
      try {
        await db.query(
          `lock table reporting.conversation_events, reporting.conversation_sessions,
             reporting.sla_events in exclusive mode`,
        );
        await this.catchUp(job, readUpTo + 1);
        await swapInRebuiltTables(db, job.workspaceId);
        await job.beforeCommit();
        await job.runner.commitTransaction();
      } catch (error) {
        await job.runner.rollbackTransaction();
        throw error;
      }
    } finally {
      await dropRebuildTables(db);
    }
  }

  private async catchUp(job: ReplayJob, fromSeq: number): Promise<void> {
    const db = job.runner.manager;
    await this.replay(job, fromSeq, async (facts) => {
      const changed = await insertFacts(db, REBUILD_TABLES, facts);
      if (changed.length > 0) {
        await deriveSessions(db, REBUILD_TABLES, { conversationIds: changed });
      }
    });
  }

  private async replay(
    job: ReplayJob,
    fromSeq: number,
    write: (facts: Awaited<ReturnType<typeof replayedFacts>>) => Promise<unknown>,
  ): Promise<number> {
    return replayStream({
      nc: await this.messaging.connected(),
      namespace: job.namespace,
      stream: 'EVENTS',
      durable: 'crm_reports_replay',
      filterSubject: 'evt.>',
      fromSeq,
      onBatch: async (messages: ReplayedMessage[]) => {
        job.progress.eventsRead += messages.length;
        await write(await replayedFacts(job.workspaceId, messages));
      },
    });
  }
}
