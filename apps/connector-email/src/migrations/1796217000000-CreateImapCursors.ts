import type { MigrationInterface, QueryRunner } from 'typeorm';

// How far connector-email has read each inbox's IMAP mailbox (schema `email`, connector-email's
// own). inbox_id points into conversation's schema, so it carries no foreign key.
export class CreateImapCursors1796217000000 implements MigrationInterface {
  readonly name = 'CreateImapCursors1796217000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table email.imap_cursors (
        inbox_id uuid not null,
        workspace_id uuid not null,
        uid_validity bigint not null,
        last_uid bigint not null,
        updated_at timestamptz not null default now(),
        constraint pk_imap_cursors primary key (inbox_id),
        constraint ck_imap_cursors_last_uid check (last_uid >= 0)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table email.imap_cursors;`);
  }
}
