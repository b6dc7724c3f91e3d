import {
  replayStream,
  streamStartsAt,
  type NatsConnection,
  type ReplayedMessage,
} from '@hub/messaging';
import type { QueryRunner } from 'typeorm';
import { deriveSessions } from './derive-sessions';
import { insertFacts } from './fact-writer';
import {
  createRebuildTables,
  dropRebuildTables,
  keepFactsBefore,
  REBUILD_TABLES,
  swapInRebuiltTables,
} from './rebuild-tables';
import type { ReportFact } from './report-facts';
import { replayedFacts } from './replayed-facts';

/** What one rebuild replays, and where it reports how far it got. */
export interface ReplayJob {
  runner: QueryRunner;
  workspaceId: string;
  nc: NatsConnection;
  namespace: string;
  progress: { eventsRead: number };
  beforeCommit: () => Promise<void>;
}

/**
 * An ordered replay of the EVENTS stream into fresh tables, with the facts older than the
 * stream's oldest message kept from the live ones, then the swap. Events stored while
 * the replay ran are read again inside the swap's transaction, which holds the live tables
 * against writes: whatever the live consumers applied meanwhile is in the stream before that
 * point, so nothing they wrote is lost, and what they apply after it is theirs to write.
 */
export async function replayIntoRebuildTables(job: ReplayJob): Promise<void> {
  const db = job.runner.manager;
  await createRebuildTables(db);
  try {
    const startsAt = await streamStartsAt(job.nc, job.namespace, 'EVENTS');
    const readUpTo = await replay(job, 1, (facts) => insertFacts(db, REBUILD_TABLES, facts));
    await keepFactsBefore(db, job.workspaceId, startsAt ?? new Date());
    // Autovacuum never analyzes temporary tables: without statistics the derivation's lateral
    // join scans the whole fact table once per session.
    await db.query(`analyze ${REBUILD_TABLES.conversationEvents}`);
    await deriveSessions(db, REBUILD_TABLES, { workspaceId: job.workspaceId });
    await job.runner.startTransaction();
    try {
      await db.query(
        `lock table reporting.conversation_events, reporting.conversation_sessions,
           reporting.sla_events in exclusive mode`,
      );
      await catchUp(job, readUpTo + 1);
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

async function catchUp(job: ReplayJob, fromSeq: number): Promise<void> {
  const db = job.runner.manager;
  await replay(job, fromSeq, async (facts) => {
    const changed = await insertFacts(db, REBUILD_TABLES, facts);
    if (changed.length > 0) {
      await deriveSessions(db, REBUILD_TABLES, { conversationIds: changed });
    }
  });
}

function replay(
  job: ReplayJob,
  fromSeq: number,
  write: (facts: ReportFact[]) => Promise<unknown>,
): Promise<number> {
  return replayStream({
    nc: job.nc,
    namespace: job.namespace,
    stream: 'EVENTS',
    durable: 'crm_reports_replay',
    filterSubject: 'evt.>',
    fromSeq,
    onBatch: async (messages: ReplayedMessage[]) => {
      job.progress.eventsRead += messages.length;
      await write(replayedFacts(job.workspaceId, messages));
    },
  });
}
