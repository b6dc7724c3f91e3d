import type { MigrationInterface, QueryRunner } from 'typeorm';

// customer_id, department_id and assignee_id point into other services' schemas, so they
// carry no foreign key: the owners are asked over NATS instead.
export class CreateConversationTables1795500003000 implements MigrationInterface {
  readonly name = 'CreateConversationTables1795500003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table conversation.inboxes (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        name text not null,
        channel text not null,
        settings jsonb not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_inboxes primary key (id),
        constraint ck_inboxes_channel check (channel in
          ('web', 'email', 'messenger', 'instagram', 'whatsapp', 'telegram', 'line', 'api'))
      );
      create index ix_inboxes_workspace on conversation.inboxes (workspace_id);

      -- last_seq is the message counter: a new message takes last_seq + 1 in the same
      -- transaction, so seq is gap-free per conversation and clients resume by it.
      create table conversation.conversations (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        inbox_id uuid not null,
        customer_id uuid not null,
        department_id uuid,
        assignee_id uuid,
        status text not null default 'open',
        priority text not null default 'normal',
        last_seq bigint not null default 0,
        first_response_at timestamptz,
        resolved_at timestamptz,
        first_response_seconds integer,
        resolution_seconds integer,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_conversations primary key (id),
        constraint fk_conversations_inbox foreign key (inbox_id)
          references conversation.inboxes (id) on delete restrict,
        constraint ck_conversations_status check (status in
          ('open', 'assigned', 'pending', 'resolved', 'closed')),
        constraint ck_conversations_priority check (priority in ('low', 'normal', 'high', 'urgent')),
        constraint ck_conversations_last_seq check (last_seq >= 0),
        constraint ck_conversations_durations check (
          (first_response_seconds is null or first_response_seconds >= 0)
          and (resolution_seconds is null or resolution_seconds >= 0))
      );
      -- The guarantee behind "a new inbound message joins the customer's current
      -- conversation": two racing consumers cannot both open one.
      create unique index uq_conversations_active_customer_inbox
        on conversation.conversations (inbox_id, customer_id)
        where status not in ('resolved', 'closed');
      create index ix_conversations_workspace_status
        on conversation.conversations (workspace_id, status, updated_at);
      create index ix_conversations_assignee
        on conversation.conversations (assignee_id, status) where assignee_id is not null;
      create index ix_conversations_department
        on conversation.conversations (department_id, status) where department_id is not null;
      create index ix_conversations_customer on conversation.conversations (customer_id);

      -- inbox_id is copied from the conversation so the channel's own message id can be
      -- unique per inbox: that key is what makes a redelivered inbound message a no-op.
      create table conversation.messages (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        conversation_id uuid not null,
        inbox_id uuid not null,
        seq bigint not null,
        direction text not null,
        sender_type text not null,
        sender_id uuid,
        content text not null,
        content_type text not null,
        channel_message_id text,
        client_message_id text,
        delivery_status text not null,
        created_at timestamptz not null default now(),
        constraint pk_messages primary key (id),
        constraint fk_messages_conversation foreign key (conversation_id)
          references conversation.conversations (id) on delete cascade,
        constraint uq_messages_inbox_channel_message unique (inbox_id, channel_message_id),
        constraint uq_messages_conversation_seq unique (conversation_id, seq),
        constraint ck_messages_seq check (seq > 0),
        constraint ck_messages_direction check (direction in ('inbound', 'outbound')),
        constraint ck_messages_sender_type check (sender_type in ('customer', 'agent', 'bot', 'system')),
        constraint ck_messages_content_type check (content_type in ('text', 'image', 'file', 'link', 'event')),
        constraint ck_messages_delivery_status check (delivery_status in
          ('pending', 'sent', 'delivered', 'read', 'failed'))
      );

      create table conversation.canned_responses (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        shortcut text not null,
        text text not null,
        department_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_canned_responses primary key (id),
        constraint uq_canned_responses_workspace_shortcut unique (workspace_id, shortcut)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table conversation.canned_responses;
      drop table conversation.messages;
      drop table conversation.conversations;
      drop table conversation.inboxes;
    `);
  }
}
