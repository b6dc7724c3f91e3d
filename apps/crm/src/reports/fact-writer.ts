import type { EntityManager } from 'typeorm';
import type { ProjectionTables } from './projection-tables';
import type { ConversationFactRow, ReportFact, SlaFactRow, TicketFactRow } from './report-facts';

/**
 * Writes facts with one multi-row insert per table; an event id already stored is skipped,
 * so a redelivery or a replay changes nothing. Returns the conversations that got a new fact
 * (their sessions must be derived again).
 */
export async function insertFacts(
  db: EntityManager,
  tables: ProjectionTables,
  facts: readonly ReportFact[],
): Promise<string[]> {
  const conversations = facts.flatMap((f) => (f.table === 'conversation' ? [f.row] : []));
  const clocks = facts.flatMap((f) => (f.table === 'sla' ? [f.row] : []));
  const tickets = facts.flatMap((f) => (f.table === 'ticket' ? [f.row] : []));
  if (clocks.length > 0) await insertSlaFacts(db, tables.slaEvents, clocks);
  if (tickets.length > 0) await insertTicketFacts(db, tables.ticketEvents, tickets);
  if (conversations.length === 0) return [];
  return insertConversationFacts(db, tables.conversationEvents, conversations);
}

async function insertConversationFacts(
  db: EntityManager,
  table: string,
  rows: ConversationFactRow[],
): Promise<string[]> {
  const inserted = await db.query<{ conversation_id: string }[]>(
    `insert into ${table} (event_id, workspace_id, conversation_id, kind, occurred_at,
                           agent_id, department_id, channel, rating)
     select * from unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[],
                          $6::uuid[], $7::uuid[], $8::text[], $9::smallint[])
     on conflict (event_id) do nothing
     returning conversation_id`,
    [
      rows.map((r) => r.eventId),
      rows.map((r) => r.workspaceId),
      rows.map((r) => r.conversationId),
      rows.map((r) => r.kind),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.agentId),
      rows.map((r) => r.departmentId),
      rows.map((r) => r.channel),
      rows.map((r) => r.rating),
    ],
  );
  return [...new Set(inserted.map((row) => row.conversation_id))];
}

async function insertSlaFacts(db: EntityManager, table: string, rows: SlaFactRow[]): Promise<void> {
  await db.query(
    `insert into ${table} (event_id, workspace_id, clock_id, outcome, metric, occurred_at,
                           agent_id, department_id, channel)
     select * from unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[],
                          $6::timestamptz[], $7::uuid[], $8::uuid[], $9::text[])
     on conflict (event_id) do nothing`,
    [
      rows.map((r) => r.eventId),
      rows.map((r) => r.workspaceId),
      rows.map((r) => r.clockId),
      rows.map((r) => r.outcome),
      rows.map((r) => r.metric),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.agentId),
      rows.map((r) => r.departmentId),
      rows.map((r) => r.channel),
    ],
  );
}

async function insertTicketFacts(
  db: EntityManager,
  table: string,
  rows: TicketFactRow[],
): Promise<void> {
  await db.query(
    `insert into ${table} (event_id, workspace_id, ticket_id, ticket_created_at, occurred_at,
                           status, agent_id, department_id)
     select * from unnest($1::text[], $2::uuid[], $3::uuid[], $4::timestamptz[],
                          $5::timestamptz[], $6::text[], $7::uuid[], $8::uuid[])
     on conflict (event_id) do nothing`,
    [
      rows.map((r) => r.eventId),
      rows.map((r) => r.workspaceId),
      rows.map((r) => r.ticketId),
      rows.map((r) => r.ticketCreatedAt),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.status),
      rows.map((r) => r.agentId),
      rows.map((r) => r.departmentId),
    ],
  );
}
