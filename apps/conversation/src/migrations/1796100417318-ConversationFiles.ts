import type { MigrationInterface, QueryRunner } from 'typeorm';

// files: the records of uploads (the bytes are in the edges' file storage); a message may carry
// one as its attachment. on delete restrict: a file a message shows is never dropped under it.
export class ConversationFiles1796100417318 implements MigrationInterface {
  readonly name = 'ConversationFiles1796100417318';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table conversation.files (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        uploader_kind text not null,
        uploader_id text not null,
        name text not null,
        size bigint not null,
        mime_type text not null,
        storage_key text not null,
        sha256 text not null,
        created_at timestamptz not null default now(),
        constraint pk_files primary key (id),
        constraint uq_files_storage_key unique (storage_key),
        constraint ck_files_uploader_kind check (uploader_kind in ('visitor', 'agent')),
        constraint ck_files_size check (size > 0)
      );
      create index ix_files_workspace_uploader
        on conversation.files (workspace_id, uploader_kind, uploader_id);
      alter table conversation.messages add column attachment_file_id uuid
        constraint fk_messages_attachment_file references conversation.files (id) on delete restrict;
      create index ix_messages_attachment_file on conversation.messages (attachment_file_id)
        where attachment_file_id is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table conversation.messages drop column attachment_file_id;
      drop table conversation.files;
    `);
  }
}
