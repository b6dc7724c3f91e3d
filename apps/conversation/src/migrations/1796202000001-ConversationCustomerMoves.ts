import type { MigrationInterface, QueryRunner } from 'typeorm';

// Customer merges (crm) move conversations between customers. A merged customer may then hold
// two active conversations in one inbox, one per person it now stands for (two visitors, two
// email addresses), so "one active conversation" is per sender: the partial unique key gains
// customer_external_id. It still stops two racing first messages of one sender from opening two.
// customer_moves records each merge's move (what moved, so an undo gives exactly that back) and,
// while not returned, redirects messages resolved to the merged customer to the surviving one;
// once returned, it says which identities went back, so a message crm resolved just before the
// undo still reaches the customer its sender went back to.
export class ConversationCustomerMoves1796202000001 implements MigrationInterface {
  readonly name = 'ConversationCustomerMoves1796202000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create unique index uq_conversations_active_sender
        on conversation.conversations (inbox_id, customer_id, customer_external_id)
        where status not in ('resolved', 'closed');
      drop index conversation.uq_conversations_active_customer_inbox;

      create table conversation.customer_moves (
        id uuid not null,
        workspace_id uuid not null,
        from_customer_id uuid not null,
        to_customer_id uuid not null,
        conversation_ids uuid[] not null default '{}',
        moved_at timestamptz,
        returned_conversation_ids uuid[] not null default '{}',
        returned_identities jsonb not null default '[]',
        returned_seq bigint,
        returned_at timestamptz,
        constraint pk_customer_moves primary key (id)
      );
      create unique index uq_customer_moves_from_customer
        on conversation.customer_moves (from_customer_id) where returned_at is null;
      -- Undos in the order they were applied, per workspace (they hold the workspace's lock).
      create sequence conversation.customer_move_returns;
      create index ix_customer_moves_returns
        on conversation.customer_moves (workspace_id, returned_seq) where returned_seq is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table conversation.customer_moves;
      drop sequence conversation.customer_move_returns;
      -- Refused while a merged customer holds two active conversations in one inbox.
      create unique index uq_conversations_active_customer_inbox
        on conversation.conversations (inbox_id, customer_id)
        where status not in ('resolved', 'closed');
      drop index conversation.uq_conversations_active_sender;
    `);
  }
}
