import type { MigrationInterface, QueryRunner } from 'typeorm';

// Visitor sessions of the web widget (connector-web). Only the SHA-256 of a visitor token is
// stored; the unique key on it is also the lookup every visitor socket makes on `hello`.
// inbox_id points into conversation's schema, so it carries no foreign key.
export class CreateWebVisitorSessions1795700000000 implements MigrationInterface {
  readonly name = 'CreateWebVisitorSessions1795700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table web.visitor_sessions (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        inbox_id uuid not null,
        visitor_id uuid not null,
        token_hash text not null,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        constraint pk_visitor_sessions primary key (id),
        constraint uq_visitor_sessions_token_hash unique (token_hash),
        constraint ck_visitor_sessions_token_hash check (token_hash ~ '^[0-9a-f]{64}$')
      );
      create index ix_visitor_sessions_visitor on web.visitor_sessions (workspace_id, visitor_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table web.visitor_sessions;`);
  }
}
