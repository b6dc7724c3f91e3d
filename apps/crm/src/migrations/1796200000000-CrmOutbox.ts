import type { MigrationInterface, QueryRunner } from 'typeorm';

// crm's events are written in the transaction that makes them true and published after the
// commit (@hub/outbox), so a crash between the two delays an event but never loses it.
export class CrmOutbox1796200000000 implements MigrationInterface {
  readonly name = 'CrmOutbox1796200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table crm.outbox (
        id bigint generated always as identity,
        workspace_id uuid not null,
        event_id text not null,
        subject text not null,
        payload jsonb not null,
        created_at timestamptz not null default now(),
        published_at timestamptz,
        constraint pk_outbox primary key (id),
        constraint uq_outbox_event_id unique (event_id)
      );
      create index ix_outbox_unpublished on crm.outbox (id) where published_at is null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table crm.outbox;`);
  }
}
