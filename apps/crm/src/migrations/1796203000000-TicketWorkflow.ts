import type { MigrationInterface, QueryRunner } from 'typeorm';

// Tickets get the full model: a version for optimistic concurrency, a workspace-defined
// category (nested one level), tags, when they were solved (the reopen window counts from
// there), and any number of linked conversations (a conversation belongs to one ticket at a
// time). Follow-up reminders are rows a due sweep claims with SKIP LOCKED. The free-text
// `category` and the single `conversation_id` are replaced (existing links are carried over).
export class TicketWorkflow1796203000000 implements MigrationInterface {
  readonly name = 'TicketWorkflow1796203000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table crm.ticket_categories (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        parent_id uuid,
        name text not null,
        created_at timestamptz not null default now(),
        constraint pk_ticket_categories primary key (id),
        constraint fk_ticket_categories_parent foreign key (parent_id)
          references crm.ticket_categories (id) on delete restrict
      );
      -- Names are unique among siblings: the top level of a workspace, or one parent's children.
      create unique index uq_ticket_categories_top_name on crm.ticket_categories (workspace_id, name)
        where parent_id is null;
      create unique index uq_ticket_categories_child_name on crm.ticket_categories (parent_id, name)
        where parent_id is not null;

      alter table crm.tickets
        add column version integer not null default 1,
        add column category_id uuid,
        add column tags text[] not null default '{}',
        add column solved_at timestamptz,
        add constraint fk_tickets_category foreign key (category_id)
          references crm.ticket_categories (id) on delete restrict,
        add constraint ck_tickets_version check (version >= 1);
      create index ix_tickets_workspace_created on crm.tickets (workspace_id, created_at, id);
      create index ix_tickets_category on crm.tickets (category_id) where category_id is not null;
      create index ix_tickets_customer_solved on crm.tickets (customer_id, solved_at)
        where status = 'solved';

      create table crm.ticket_conversations (
        workspace_id uuid not null,
        ticket_id uuid not null,
        conversation_id uuid not null,
        linked_at timestamptz not null default now(),
        constraint pk_ticket_conversations primary key (ticket_id, conversation_id),
        constraint uq_ticket_conversations_conversation unique (workspace_id, conversation_id),
        constraint fk_ticket_conversations_ticket foreign key (ticket_id)
          references crm.tickets (id) on delete cascade
      );
      insert into crm.ticket_conversations (workspace_id, ticket_id, conversation_id, linked_at)
        select distinct on (workspace_id, conversation_id)
               workspace_id, id, conversation_id, created_at
          from crm.tickets where conversation_id is not null
         order by workspace_id, conversation_id, created_at desc;

      alter table crm.tickets drop column conversation_id, drop column category;

      create table crm.ticket_reminders (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        ticket_id uuid not null,
        remind_at timestamptz not null,
        note text,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        notified_at timestamptz,
        constraint pk_ticket_reminders primary key (id),
        constraint fk_ticket_reminders_ticket foreign key (ticket_id)
          references crm.tickets (id) on delete cascade
      );
      create index ix_ticket_reminders_due on crm.ticket_reminders (remind_at)
        where notified_at is null;
      create index ix_ticket_reminders_ticket on crm.ticket_reminders (ticket_id, remind_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table crm.ticket_reminders;
      alter table crm.tickets add column conversation_id uuid, add column category text;
      update crm.tickets t set conversation_id = l.conversation_id
        from (select distinct on (ticket_id) ticket_id, conversation_id
                from crm.ticket_conversations order by ticket_id, linked_at) l
       where l.ticket_id = t.id;
      update crm.tickets t set category = c.name
        from crm.ticket_categories c where c.id = t.category_id;
      drop table crm.ticket_conversations;
      drop index crm.ix_tickets_customer_solved;
      drop index crm.ix_tickets_category;
      drop index crm.ix_tickets_workspace_created;
      alter table crm.tickets
        drop constraint ck_tickets_version,
        drop constraint fk_tickets_category,
        drop column solved_at,
        drop column tags,
        drop column category_id,
        drop column version;
      drop table crm.ticket_categories;
    `);
  }
}
