import type { MigrationInterface, QueryRunner } from 'typeorm';

// Tickets in reports: one row per `evt.crm.ticket.changed.v1`, keyed by its event id, with the
// ticket as it stood after the change.
export class ReportTicketEvents1796206000002 implements MigrationInterface {
  readonly name = 'ReportTicketEvents1796206000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table reporting.ticket_events (
        event_id text not null,
        workspace_id uuid not null,
        ticket_id uuid not null,
        ticket_created_at timestamptz not null,
        occurred_at timestamptz not null,
        status text not null,
        agent_id uuid,
        department_id uuid,
        constraint pk_ticket_events primary key (event_id)
      );
      create index ix_ticket_events_workspace
        on reporting.ticket_events (workspace_id, ticket_created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table reporting.ticket_events`);
  }
}
