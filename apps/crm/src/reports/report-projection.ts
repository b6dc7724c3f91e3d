import { Injectable, Logger } from '@nestjs/common';
import { Database, GroupCommit, type Queued } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { deriveSessions } from './derive-sessions';
import { insertFacts } from './fact-writer';
import { LIVE_TABLES, type ProjectionTables } from './projection-tables';
import type { ReportFact } from './report-facts';

// Events in one projection transaction at most (each reported durable pulls up to 20).
const MAX_BATCH = 64;

/**
 * Applies facts to the projection: stores them once and re-derives the sessions they touch.
 * The facts of every reported durable go through one group commit: those that arrive while a
 * batch is written go together in the next transaction (one lock statement, one insert per
 * table, each conversation's sessions derived once) instead of six statements an event. A
 * failed batch is applied again event by event, so an event that fails, fails alone.
 */
@Injectable()
export class ReportProjection {
  private readonly logger = new Logger(ReportProjection.name);
  private readonly batches = new GroupCommit<readonly ReportFact[], void>(
    (batch) => this.applyBatch(batch),
    MAX_BATCH,
  );

  constructor(private readonly database: Database) {}

  apply(facts: readonly ReportFact[]): Promise<void> {
    return this.batches.add(facts);
  }

  // Awaited, each way: the events that arrive meanwhile wait and go together in the next batch.
  private async applyBatch(batch: Queued<readonly ReportFact[]>[]): Promise<Promise<void>[]> {
    try {
      await this.applyInTransaction(batch.flatMap(({ item }) => item));
      return batch.map(() => Promise.resolve());
    } catch (error) {
      if (batch.length === 1) throw error;
      this.logger.warn(
        { err: error, size: batch.length },
        'report facts not applied as a batch: applying them one by one',
      );
    }
    const oneByOne = batch.map(({ item }) => this.applyInTransaction(item));
    await Promise.allSettled(oneByOne);
    return oneByOne;
  }

  private applyInTransaction(facts: readonly ReportFact[]): Promise<void> {
    return this.database.dataSource.transaction((tx) => applyFacts(tx, LIVE_TABLES, facts));
  }
}

/**
 * In the caller's transaction. One conversation's sessions are derived by one transaction at a
 * time (an advisory lock per conversation, taken in a fixed order): the later one then sees
 * the earlier one's facts, whichever durable delivered them.
 */
export async function applyFacts(
  tx: EntityManager,
  tables: ProjectionTables,
  facts: readonly ReportFact[],
): Promise<void> {
  const conversations = [
    ...new Set(facts.flatMap((f) => (f.table === 'conversation' ? [f.row.conversationId] : []))),
  ].sort();
  if (conversations.length > 0) {
    await tx.query(
      `select pg_advisory_xact_lock(hashtextextended('reporting:' || id, 0))
       from unnest($1::text[]) as id order by id`,
      [conversations],
    );
  }
  const changed = await insertFacts(tx, tables, facts);
  if (changed.length > 0) await deriveSessions(tx, tables, { conversationIds: changed });
}
