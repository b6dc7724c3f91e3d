import type { MigrationInterface, QueryRunner } from 'typeorm';

// Identities, attributes and orders belong to one customer and go with it; tickets are
// work items, so deleting a customer who still has tickets is refused (RESTRICT).
// assignee_id, author_id and conversation_id point into other schemas: no foreign key.
export class CreateCrmTables1795500004000 implements MigrationInterface {
  readonly name = 'CreateCrmTables1795500004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table crm.customers (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        name text,
        email text,
        phone text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_customers primary key (id)
      );
      create index ix_customers_workspace on crm.customers (workspace_id, created_at);

      -- The one lookup every inbound message needs: which customer is this sender?
      create table crm.customer_identities (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        customer_id uuid not null,
        channel text not null,
        external_id text not null,
        created_at timestamptz not null default now(),
        constraint pk_customer_identities primary key (id),
        constraint uq_customer_identities_workspace_channel_external
          unique (workspace_id, channel, external_id),
        constraint fk_customer_identities_customer foreign key (customer_id)
          references crm.customers (id) on delete cascade,
        constraint ck_customer_identities_channel check (channel in
          ('web', 'email', 'messenger', 'instagram', 'whatsapp', 'telegram', 'line', 'api'))
      );
      create index ix_customer_identities_customer on crm.customer_identities (customer_id);

      create table crm.customer_attributes (
        workspace_id uuid not null,
        customer_id uuid not null,
        key text not null,
        value jsonb not null,
        constraint pk_customer_attributes primary key (customer_id, key),
        constraint fk_customer_attributes_customer foreign key (customer_id)
          references crm.customers (id) on delete cascade
      );

      -- status is the shop's own word for the order, so it is free text.
      create table crm.orders (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        customer_id uuid not null,
        external_id text not null,
        status text not null,
        total_cents bigint not null,
        currency char(3) not null,
        items jsonb not null default '[]',
        ordered_at timestamptz not null,
        constraint pk_orders primary key (id),
        constraint uq_orders_workspace_external unique (workspace_id, external_id),
        constraint fk_orders_customer foreign key (customer_id)
          references crm.customers (id) on delete cascade,
        constraint ck_orders_currency check (currency ~ '^[A-Z]{3}$')
      );
      create index ix_orders_customer on crm.orders (customer_id, ordered_at);

      create table crm.tickets (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        subject text not null,
        status text not null default 'open',
        priority text not null default 'normal',
        category text,
        assignee_id uuid,
        customer_id uuid not null,
        conversation_id uuid,
        due_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_tickets primary key (id),
        constraint fk_tickets_customer foreign key (customer_id)
          references crm.customers (id) on delete restrict,
        constraint ck_tickets_status check (status in ('open', 'pending', 'solved', 'closed')),
        constraint ck_tickets_priority check (priority in ('low', 'normal', 'high', 'urgent'))
      );
      create index ix_tickets_workspace_status on crm.tickets (workspace_id, status, updated_at);
      create index ix_tickets_customer on crm.tickets (customer_id);
      create index ix_tickets_assignee on crm.tickets (assignee_id, status)
        where assignee_id is not null;

      create table crm.notes (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        author_id uuid not null,
        body text not null,
        customer_id uuid,
        ticket_id uuid,
        conversation_id uuid,
        created_at timestamptz not null default now(),
        constraint pk_notes primary key (id),
        constraint fk_notes_customer foreign key (customer_id)
          references crm.customers (id) on delete cascade,
        constraint fk_notes_ticket foreign key (ticket_id)
          references crm.tickets (id) on delete cascade,
        constraint ck_notes_target check (num_nonnulls(customer_id, ticket_id, conversation_id) >= 1)
      );
      create index ix_notes_customer on crm.notes (customer_id) where customer_id is not null;
      create index ix_notes_ticket on crm.notes (ticket_id) where ticket_id is not null;
      create index ix_notes_conversation on crm.notes (conversation_id)
        where conversation_id is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table crm.notes;
      drop table crm.tickets;
      drop table crm.orders;
      drop table crm.customer_attributes;
      drop table crm.customer_identities;
      drop table crm.customers;
    `);
  }
}
