import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reports read a projection of the events, never the transcripts: one row per event that
// matters to a KPI (its id unique, so a redelivery changes nothing), the conversation sessions
// derived from them, and the SLA clocks' outcomes. crm owns the `reporting` schema.
export class ReportingProjection1796206000000 implements MigrationInterface {
  readonly name = 'ReportingProjection1796206000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create schema reporting;

      create table reporting.conversation_events (
        event_id text not null,
        workspace_id uuid not null,
        conversation_id uuid not null,
        kind text not null,
        occurred_at timestamptz not null,
        agent_id uuid,
        department_id uuid,
        channel text,
        rating smallint,
        constraint pk_conversation_events primary key (event_id),
        constraint ck_conversation_events_kind check (kind in
          ('opened', 'assigned', 'unassigned', 'agent_replied', 'resolved', 'rated'))
      );
      create index ix_conversation_events_conversation
        on reporting.conversation_events (conversation_id, occurred_at);
      create index ix_conversation_events_workspace
        on reporting.conversation_events (workspace_id, occurred_at);

      create table reporting.conversation_sessions (
        conversation_id uuid not null,
        opened_at timestamptz not null,
        workspace_id uuid not null,
        channel text not null,
        department_id uuid,
        agent_id uuid,
        first_assigned_at timestamptz,
        first_reply_at timestamptz,
        resolved_at timestamptz,
        rating smallint,
        constraint pk_conversation_sessions primary key (conversation_id, opened_at)
      );
      create index ix_conversation_sessions_workspace
        on reporting.conversation_sessions (workspace_id, opened_at);

      create table reporting.sla_events (
        event_id text not null,
        workspace_id uuid not null,
        clock_id uuid not null,
        outcome text not null,
        metric text not null,
        occurred_at timestamptz not null,
        agent_id uuid,
        department_id uuid,
        channel text,
        constraint pk_sla_events primary key (event_id),
        constraint ck_sla_events_outcome check (outcome in ('warned', 'breached', 'met'))
      );
      create index ix_sla_events_workspace on reporting.sla_events (workspace_id, occurred_at);
      create index ix_sla_events_clock on reporting.sla_events (clock_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop schema reporting cascade`);
  }
}
