import type { MigrationInterface, QueryRunner } from 'typeorm';

// routing's events are written in the transaction that makes them true and published after the
// commit (@hub/outbox), so a crash between the two delays an event but never loses it.
export class RoutingOutbox1796200000001 implements MigrationInterface {
  readonly name = 'RoutingOutbox1796200000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table routing.outbox (
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
      create index ix_outbox_unpublished on routing.outbox (id) where published_at is null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table routing.outbox;`);
  }
}
