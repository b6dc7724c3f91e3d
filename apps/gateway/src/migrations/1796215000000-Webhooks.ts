import type { MigrationInterface, QueryRunner } from 'typeorm';

// Outbound webhooks (docs/integrations.md): the subscriptions, the log of public events they
// are fed from (kept for replay), and one delivery per event and target, retried from here.
// A target is a subscription or an API inbox's callback URL, never both.
export class Webhooks1796215000000 implements MigrationInterface {
  readonly name = 'Webhooks1796215000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table gateway.webhook_subscriptions (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        url text not null,
        description text,
        events text[] not null,
        secret text not null,
        status text not null default 'active',
        consecutive_failures integer not null default 0,
        paused_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_webhook_subscriptions primary key (id),
        constraint ck_webhook_subscriptions_status check (status in ('active', 'paused')),
        constraint fk_webhook_subscriptions_workspace foreign key (workspace_id)
          references gateway.workspaces (id) on delete cascade
      );
      create index ix_webhook_subscriptions_workspace on gateway.webhook_subscriptions (workspace_id);

      create table gateway.webhook_events (
        id text not null,
        workspace_id uuid not null,
        type text not null,
        occurred_at timestamptz not null,
        data jsonb not null,
        recorded_at timestamptz not null default now(),
        constraint pk_webhook_events primary key (id)
      );
      create index ix_webhook_events_workspace_time
        on gateway.webhook_events (workspace_id, occurred_at);

      create table gateway.webhook_deliveries (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        subscription_id uuid,
        inbox_id uuid,
        event_id text not null,
        event_key text not null,
        replay boolean not null default false,
        status text not null default 'pending',
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        first_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_response_status integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz not null default now(),
        constraint pk_webhook_deliveries primary key (id),
        constraint ck_webhook_deliveries_status check (status in ('pending', 'delivered', 'failed')),
        constraint ck_webhook_deliveries_one_target
          check ((subscription_id is null) <> (inbox_id is null)),
        constraint fk_webhook_deliveries_subscription foreign key (subscription_id)
          references gateway.webhook_subscriptions (id) on delete cascade,
        constraint fk_webhook_deliveries_event foreign key (event_id)
          references gateway.webhook_events (id) on delete cascade
      );
      -- One delivery per event and target, however often the event is redelivered; replays add more.
      create unique index uq_webhook_deliveries_subscription_event
        on gateway.webhook_deliveries (subscription_id, event_id) where not replay;
      create unique index uq_webhook_deliveries_inbox_event
        on gateway.webhook_deliveries (inbox_id, event_id) where inbox_id is not null;
      create index ix_webhook_deliveries_due
        on gateway.webhook_deliveries (next_attempt_at) where status = 'pending';
      create index ix_webhook_deliveries_subscription_created
        on gateway.webhook_deliveries (subscription_id, created_at desc);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table gateway.webhook_deliveries;
      drop table gateway.webhook_events;
      drop table gateway.webhook_subscriptions;
    `);
  }
}
