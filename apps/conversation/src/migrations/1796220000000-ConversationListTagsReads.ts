import type { MigrationInterface, QueryRunner } from 'typeorm';

// The inbox's list: workspace tags on conversations, each agent's read position, and the indexes
// its filters and search use. Search is a substring match (ILIKE) on trigram GIN indexes:
// tsvector's default parser keeps a run of Chinese or Japanese as one token, so a word inside a
// sentence would never be found, while trigrams match any part of it.
export class ConversationListTagsReads1796220000000 implements MigrationInterface {
  readonly name = 'ConversationListTagsReads1796220000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create extension if not exists pg_trgm;
      create table conversation.tags (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        name text not null,
        colour text not null,
        created_at timestamptz not null default now(),
        constraint pk_tags primary key (id),
        constraint ck_tags_colour check (colour ~ '^#[0-9a-f]{6}$')
      );
      create unique index uq_tags_workspace_name on conversation.tags (workspace_id, lower(name));
      create table conversation.conversation_tags (
        conversation_id uuid not null,
        tag_id uuid not null,
        workspace_id uuid not null,
        created_at timestamptz not null default now(),
        constraint pk_conversation_tags primary key (conversation_id, tag_id),
        constraint fk_conversation_tags_conversation foreign key (conversation_id)
          references conversation.conversations (id) on delete cascade,
        constraint fk_conversation_tags_tag foreign key (tag_id)
          references conversation.tags (id) on delete cascade
      );
      create index ix_conversation_tags_tag on conversation.conversation_tags (tag_id, conversation_id);
      create table conversation.agent_reads (
        agent_id uuid not null,
        conversation_id uuid not null,
        workspace_id uuid not null,
        last_read_seq bigint not null,
        updated_at timestamptz not null default now(),
        constraint pk_agent_reads primary key (agent_id, conversation_id),
        constraint fk_agent_reads_conversation foreign key (conversation_id)
          references conversation.conversations (id) on delete cascade,
        constraint ck_agent_reads_seq check (last_read_seq >= 0)
      );
      create index ix_conversations_workspace_updated
        on conversation.conversations (workspace_id, updated_at);
      create index ix_messages_content_trgm
        on conversation.messages using gin (content gin_trgm_ops);
      create index ix_conversations_external_id_trgm
        on conversation.conversations using gin (customer_external_id gin_trgm_ops);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop index conversation.ix_conversations_external_id_trgm;
      drop index conversation.ix_messages_content_trgm;
      drop index conversation.ix_conversations_workspace_updated;
      drop table conversation.agent_reads;
      drop table conversation.conversation_tags;
      drop table conversation.tags;
    `);
  }
}
