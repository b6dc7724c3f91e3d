import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { deriveSessions } from './derive-sessions';
import { insertFacts } from './fact-writer';
import { LIVE_TABLES, type ProjectionTables } from './projection-tables';
import type { ReportFact } from './report-facts';

/** Applies facts to the projection: stores them once and re-derives the sessions they touch. */
@Injectable()
export class ReportProjection {
  constructor(private readonly database: Database) {}

  apply(facts: readonly ReportFact[]): Promise<void> {
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
