import type { MigrationInterface, QueryRunner } from 'typeorm';

// Business hours (per workspace, or per department overriding it), SLA policies, and the SLA
// clocks events start, pause and stop, with what routing last knew of each ticket (events may
// arrive out of order: a ticket's `version` says which is newer).
export class BusinessHoursSlaClocks1796204000000 implements MigrationInterface {
  readonly name = 'BusinessHoursSlaClocks1796204000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table routing.business_hours (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        department_id uuid,
        time_zone text not null,
        week jsonb not null,
        holidays jsonb not null default '[]',
        updated_at timestamptz not null default now(),
        constraint pk_business_hours primary key (id),
        constraint fk_business_hours_department foreign key (department_id)
          references routing.departments (id) on delete cascade
      );
      create unique index uq_business_hours_workspace on routing.business_hours (workspace_id)
        where department_id is null;
      create unique index uq_business_hours_department on routing.business_hours (department_id)
        where department_id is not null;

      create table routing.sla_policies (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        name text not null,
        position integer not null,
        priorities text array not null default '{}',
        category_ids uuid array not null default '{}',
        vip boolean,
        first_response_minutes integer,
        next_response_minutes integer,
        resolution_minutes integer,
        hours text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_sla_policies primary key (id),
        constraint ck_sla_policies_hours check (hours in ('business', 'calendar'))
      );
      create index ix_sla_policies_workspace on routing.sla_policies (workspace_id, position);

      create table routing.sla_tickets (
        ticket_id uuid not null,
        workspace_id uuid not null,
        version integer not null,
        status text not null,
        priority text not null,
        category_id uuid,
        vip boolean not null,
        customer_id uuid not null,
        assignee_id uuid,
        department_id uuid,
        conversation_ids uuid array not null default '{}',
        constraint pk_sla_tickets primary key (ticket_id)
      );
      create index ix_sla_tickets_conversations on routing.sla_tickets using gin (conversation_ids);

      create table routing.sla_clocks (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        subject_type text not null,
        subject_id uuid not null,
        metric text not null,
        policy_id uuid not null,
        target_minutes integer not null,
        business_hours boolean not null,
        started_at timestamptz not null,
        running_since timestamptz,
        consumed_minutes double precision not null default 0,
        due_at timestamptz,
        warn_at timestamptz,
        next_alert_at timestamptz,
        warned_at timestamptz,
        breached_at timestamptz,
        stopped_at timestamptz,
        outcome text,
        assignee_id uuid,
        department_id uuid,
        channel text,
        priority text not null,
        vip boolean not null,
        category_id uuid,
        constraint pk_sla_clocks primary key (id),
        constraint ck_sla_clocks_subject_type check (subject_type in ('ticket', 'conversation')),
        constraint ck_sla_clocks_metric
          check (metric in ('first_response', 'next_response', 'resolution')),
        constraint ck_sla_clocks_outcome check (outcome in ('met', 'breached', 'cancelled')),
        constraint ck_sla_clocks_stopped check ((stopped_at is null) = (outcome is null))
      );
      create unique index uq_sla_clocks_open on routing.sla_clocks (subject_id, metric)
        where stopped_at is null;
      create index ix_sla_clocks_subject on routing.sla_clocks (subject_id);
      create index ix_sla_clocks_next_alert on routing.sla_clocks (next_alert_at)
        where next_alert_at is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table routing.sla_clocks;
      drop table routing.sla_tickets;
      drop table routing.sla_policies;
      drop table routing.business_hours;
    `);
  }
}
