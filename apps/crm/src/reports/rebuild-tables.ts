import type { EntityManager } from 'typeorm';
import { LIVE_TABLES, type ProjectionTables } from './projection-tables';

/** Fresh tables of the rebuild's own connection, shaped like the live ones (indexes too). */
export const REBUILD_TABLES: ProjectionTables = {
  conversationEvents: 'pg_temp.rebuild_conversation_events',
  conversationSessions: 'pg_temp.rebuild_conversation_sessions',
  slaEvents: 'pg_temp.rebuild_sla_events',
  ticketEvents: 'pg_temp.rebuild_ticket_events',
};

const KEYS = Object.keys(LIVE_TABLES) as (keyof ProjectionTables)[];

export async function createRebuildTables(db: EntityManager): Promise<void> {
  for (const key of KEYS) {
    await db.query(`drop table if exists ${REBUILD_TABLES[key]}`);
    await db.query(
      `create temp table ${REBUILD_TABLES[key].replace('pg_temp.', '')}
         (like ${LIVE_TABLES[key]} including all)`,
    );
  }
}

export async function dropRebuildTables(db: EntityManager): Promise<void> {
  for (const key of KEYS) await db.query(`drop table if exists ${REBUILD_TABLES[key]}`);
}

/**
 * Copies into the rebuild the workspace's facts older than the stream's oldest message: the
 * stream no longer holds their events, so a replay cannot restore them, and they must survive
 * the swap (retention may already have deleted the transcripts they came from).
 */
export async function keepFactsBefore(
  db: EntityManager,
  workspaceId: string,
  streamStartsAt: Date,
): Promise<void> {
  for (const key of ['conversationEvents', 'slaEvents', 'ticketEvents'] as const) {
    await db.query(
      `insert into ${REBUILD_TABLES[key]}
       select * from ${LIVE_TABLES[key]} where workspace_id = $1 and occurred_at < $2
       on conflict (event_id) do nothing`,
      [workspaceId, streamStartsAt],
    );
  }
}

/**
 * Replaces the workspace's live rows with the rebuilt ones, in the caller's transaction. The
 * other workspaces' rows are not touched.
 */
export async function swapInRebuiltTables(db: EntityManager, workspaceId: string): Promise<void> {
  for (const key of KEYS) {
    await db.query(`delete from ${LIVE_TABLES[key]} where workspace_id = $1`, [workspaceId]);
    await db.query(`insert into ${LIVE_TABLES[key]} select * from ${REBUILD_TABLES[key]}`);
  }
}
