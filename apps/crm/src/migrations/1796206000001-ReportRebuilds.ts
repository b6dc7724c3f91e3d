import type { MigrationInterface, QueryRunner } from 'typeorm';

// A rebuild of one workspace's projection from the EVENTS stream runs in the background: its
// row says how far it got and how it ended.
export class ReportRebuilds1796206000001 implements MigrationInterface {
  readonly name = 'ReportRebuilds1796206000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table reporting.rebuilds (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        status text not null,
        requested_by uuid,
        events_read integer not null default 0,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        error text,
        constraint pk_rebuilds primary key (id),
        constraint ck_rebuilds_status check (status in ('running', 'done', 'failed'))
      );
      create index ix_rebuilds_workspace on reporting.rebuilds (workspace_id, started_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table reporting.rebuilds`);
  }
}
