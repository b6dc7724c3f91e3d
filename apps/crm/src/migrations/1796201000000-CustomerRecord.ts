import type { MigrationInterface, QueryRunner } from 'typeorm';

// The customer record grows what agents edit (locale, time zone, avatar, company, tags, VIP)
// and which email and phone are verified (the keys automatic linking trusts). Attributes get
// per-workspace typed definitions. Identities say whether the channel verified them. Weaker
// matches between two customers are kept as suggestions for agents.
// Search matches prefixes, case-insensitively: each field gets a btree on its lower-cased text
// with text_pattern_ops, so `lower(x) like 'ab%'` is an index range scan whatever the script
// (a two-character CJK query included), and no search scans a workspace's customers.
export class CustomerRecord1796201000000 implements MigrationInterface {
  readonly name = 'CustomerRecord1796201000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table crm.customers
        add column locale text,
        add column time_zone text,
        add column avatar_url text,
        add column company text,
        add column tags text[] not null default '{}',
        add column vip boolean not null default false,
        add column email_verified boolean not null default false,
        add column phone_verified boolean not null default false;
      create index ix_customers_workspace_updated on crm.customers (workspace_id, updated_at, id);
      create index ix_customers_name_prefix
        on crm.customers (workspace_id, lower(name) text_pattern_ops);
      create index ix_customers_email_prefix
        on crm.customers (workspace_id, lower(email) text_pattern_ops);
      create index ix_customers_phone_prefix
        on crm.customers (workspace_id, phone text_pattern_ops);
      create index ix_customers_tags on crm.customers using gin (tags);
      -- Phone numbers are compared by their digits: "+81 90-1234" and "8190 1234" are one.
      create index ix_customers_phone_digits
        on crm.customers (workspace_id, regexp_replace(phone, '\\D', '', 'g'));

      alter table crm.customer_identities
        add column verified boolean not null default false;
      create index ix_customer_identities_external_prefix
        on crm.customer_identities (workspace_id, lower(external_id) text_pattern_ops);

      create index ix_customer_attributes_value on crm.customer_attributes (workspace_id, key, value);

      create table crm.customer_attribute_definitions (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        key text not null,
        label text not null,
        type text not null,
        options text[] not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_customer_attribute_definitions primary key (id),
        constraint uq_customer_attribute_definitions_workspace_key unique (workspace_id, key),
        constraint ck_customer_attribute_definitions_type
          check (type in ('text', 'number', 'date', 'boolean', 'list'))
      );

      -- One row per unordered pair and reason: customer_id is the smaller id.
      create table crm.customer_link_suggestions (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        customer_id uuid not null,
        candidate_id uuid not null,
        reason text not null,
        status text not null default 'pending',
        created_at timestamptz not null default now(),
        decided_at timestamptz,
        decided_by uuid,
        constraint pk_customer_link_suggestions primary key (id),
        constraint uq_customer_link_suggestions_pair unique (customer_id, candidate_id, reason),
        constraint fk_customer_link_suggestions_customer foreign key (customer_id)
          references crm.customers (id) on delete cascade,
        constraint fk_customer_link_suggestions_candidate foreign key (candidate_id)
          references crm.customers (id) on delete cascade,
        constraint ck_customer_link_suggestions_order check (customer_id < candidate_id),
        constraint ck_customer_link_suggestions_reason
          check (reason in ('same_name', 'same_email', 'same_phone')),
        constraint ck_customer_link_suggestions_status
          check (status in ('pending', 'accepted', 'dismissed'))
      );
      create index ix_customer_link_suggestions_candidate
        on crm.customer_link_suggestions (candidate_id);

      alter table crm.orders
        add column updated_at timestamptz not null default now();
      create index ix_notes_customer_created on crm.notes (customer_id, created_at, id)
        where customer_id is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop index crm.ix_notes_customer_created;
      alter table crm.orders drop column updated_at;
      drop table crm.customer_link_suggestions;
      drop table crm.customer_attribute_definitions;
      drop index crm.ix_customer_attributes_value;
      drop index crm.ix_customer_identities_external_prefix;
      alter table crm.customer_identities drop column verified;
      drop index crm.ix_customers_phone_digits;
      drop index crm.ix_customers_tags;
      drop index crm.ix_customers_phone_prefix;
      drop index crm.ix_customers_email_prefix;
      drop index crm.ix_customers_name_prefix;
      drop index crm.ix_customers_workspace_updated;
      alter table crm.customers
        drop column phone_verified,
        drop column email_verified,
        drop column vip,
        drop column tags,
        drop column company,
        drop column avatar_url,
        drop column time_zone,
        drop column locale;
    `);
  }
}
