import type { MigrationInterface, QueryRunner } from 'typeorm';

// Tickets get the full workflow (`new` and `on_hold` beside the first four). Every write of a
// customer or a ticket leaves an audit entry: who, when, what, the old and new values.
export class TicketStatusesAndAuditTrail1796200000002 implements MigrationInterface {
  readonly name = 'TicketStatusesAndAuditTrail1796200000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table crm.tickets
        drop constraint ck_tickets_status,
        add constraint ck_tickets_status check (status in
          ('new', 'open', 'pending', 'on_hold', 'solved', 'closed'));

      create table crm.audit_entries (
        id bigint generated always as identity,
        workspace_id uuid not null,
        entity_type text not null,
        entity_id uuid not null,
        action text not null,
        actor_type text not null,
        actor_id uuid,
        changes jsonb not null default '[]',
        occurred_at timestamptz not null default now(),
        constraint pk_audit_entries primary key (id),
        constraint ck_audit_entries_entity_type check (entity_type in ('customer', 'ticket')),
        constraint ck_audit_entries_actor_type check (actor_type in ('agent', 'system', 'integrator'))
      );
      create index ix_audit_entries_entity on crm.audit_entries (entity_id, id);
      create index ix_audit_entries_workspace on crm.audit_entries (workspace_id, occurred_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table crm.audit_entries;
      alter table crm.tickets
        drop constraint ck_tickets_status,
        add constraint ck_tickets_status check (status in ('open', 'pending', 'solved', 'closed'));
    `);
  }
}
