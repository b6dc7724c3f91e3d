import type { MigrationInterface, QueryRunner } from 'typeorm';

// A merge removes the merged customer and moves what was its own to the surviving one; this
// row keeps what an exact undo needs: the removed row as jsonb (to_jsonb, so columns added to
// crm.customers later are kept too), the keys of every row that moved, per table, and the rows
// that could not move (a key clash) and left with the removed customer. No foreign key to
// crm.customers: the merged customer does not exist while merged, and merges find the tables to
// move by their foreign keys to crm.customers, which this table must not be one of.
// Conversations live in the conversation service: its step is done after crm's commit, and the
// two *_at columns say whether it is done (a sweep retries it until it is).
export class CustomerMerges1796202000000 implements MigrationInterface {
  readonly name = 'CustomerMerges1796202000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table crm.customer_merges (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        customer_id uuid not null,
        merged_customer_id uuid not null,
        merged_customer jsonb not null,
        moved jsonb not null default '[]',
        detached jsonb not null default '[]',
        conversation_ids uuid[] not null default '{}',
        returned_conversation_ids uuid[] not null default '{}',
        conversations_moved_at timestamptz,
        conversations_returned_at timestamptz,
        merged_by uuid,
        merged_at timestamptz not null default now(),
        undone_by uuid,
        undone_at timestamptz,
        constraint pk_customer_merges primary key (id),
        constraint ck_customer_merges_two_customers check (customer_id <> merged_customer_id)
      );
      create unique index uq_customer_merges_merged_customer
        on crm.customer_merges (merged_customer_id) where undone_at is null;
      create index ix_customer_merges_customer on crm.customer_merges (customer_id, merged_at);
      -- The merges whose step in the conversation service is still to do (the sweep's query).
      create index ix_customer_merges_conversations_pending on crm.customer_merges (merged_at)
        where (undone_at is null and conversations_moved_at is null)
           or (undone_at is not null and conversations_returned_at is null);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table crm.customer_merges;`);
  }
}
