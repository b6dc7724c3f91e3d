import type { MigrationInterface, QueryRunner } from 'typeorm';

// The record of each erasure on request: who asked, when, which customer id, and when every
// service had erased its part. Nothing erased is kept here. One per customer: a repeated
// request finishes or answers the first.
export class CustomerErasures1796207000000 implements MigrationInterface {
  readonly name = 'CustomerErasures1796207000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table gateway.customer_erasures (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        customer_id uuid not null,
        requested_by uuid not null,
        requested_at timestamptz not null default now(),
        completed_at timestamptz,
        constraint pk_customer_erasures primary key (id),
        constraint uq_customer_erasures_workspace_customer unique (workspace_id, customer_id),
        constraint fk_customer_erasures_workspace foreign key (workspace_id)
          references gateway.workspaces (id) on delete cascade
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table gateway.customer_erasures;`);
  }
}
