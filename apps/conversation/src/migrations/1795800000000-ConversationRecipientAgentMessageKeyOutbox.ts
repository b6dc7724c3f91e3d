import type { MigrationInterface, QueryRunner } from 'typeorm';

// customer_external_id: where replies go (the visitor id, the email address...), kept on the
// conversation so realtime fan-out and outbound delivery need no call to crm.
// uq_messages_agent_client_message: an agent client's resend of a reply (same clientMessageId)
// is recognised and stored once.
// outbox: events are written in the transaction that makes them true and published after the
// commit; rows a crash left unpublished are published by a sweeper, so no event is lost.
export class ConversationRecipientAgentMessageKeyOutbox1795800000000 implements MigrationInterface {
  readonly name = 'ConversationRecipientAgentMessageKeyOutbox1795800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table conversation.conversations add column customer_external_id text not null default '';
      alter table conversation.conversations alter column customer_external_id drop default;
      create index ix_conversations_inbox_customer_external
        on conversation.conversations (inbox_id, customer_external_id, created_at);
      create unique index uq_messages_agent_client_message
        on conversation.messages (conversation_id, sender_id, client_message_id)
        where sender_type = 'agent' and client_message_id is not null;
      create table conversation.outbox (
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
      create index ix_outbox_unpublished on conversation.outbox (id) where published_at is null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table conversation.outbox;
      drop index conversation.uq_messages_agent_client_message;
      drop index conversation.ix_conversations_inbox_customer_external;
      alter table conversation.conversations drop column customer_external_id;
    `);
  }
}
