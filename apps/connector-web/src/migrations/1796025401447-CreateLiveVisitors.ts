import type { MigrationInterface, QueryRunner } from 'typeorm';

// Live visitors: one row per visitor (presence and where they are now), one per visit (a new
// visit after 30 minutes without activity, with where it came from), one per page view (the
// client's page view id is unique per visitor, so a resent beacon is stored once; numbered in
// arrival order, which orders a trail within one millisecond), and the invitations sent to
// visitors (an auto-invite rule fires at most once per visit).
// workspace/inbox/agent/conversation ids belong to other services: no foreign keys to them.
export class CreateLiveVisitors1796025401447 implements MigrationInterface {
  readonly name = 'CreateLiveVisitors1796025401447';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table web.visits (
        id uuid not null,
        workspace_id uuid not null,
        inbox_id uuid not null,
        visitor_id uuid not null,
        source text not null,
        search_engine text,
        search_keyword text,
        referrer text,
        utm_source text,
        utm_medium text,
        utm_campaign text,
        utm_term text,
        utm_content text,
        country text,
        city text,
        browser text,
        os text,
        device text,
        started_at timestamptz not null,
        last_seen_at timestamptz not null,
        pages_viewed integer not null default 0,
        constraint pk_visits primary key (id),
        constraint ck_visits_source
          check (source in ('direct', 'search', 'social', 'campaign', 'referral')),
        constraint ck_visits_device check (device in ('desktop', 'mobile', 'tablet'))
      );
      create index ix_visits_visitor on web.visits (visitor_id, started_at);

      create table web.visitors (
        visitor_id uuid not null,
        workspace_id uuid not null,
        inbox_id uuid not null,
        visit_count integer not null,
        first_seen_at timestamptz not null,
        current_visit_id uuid not null,
        current_url text not null,
        current_title text not null,
        online boolean not null,
        online_since timestamptz not null,
        last_seen_at timestamptz not null,
        chatting_conversation_id uuid,
        constraint pk_visitors primary key (visitor_id),
        constraint fk_visitors_current_visit foreign key (current_visit_id) references web.visits (id)
      );
      create index ix_visitors_online on web.visitors (workspace_id, online_since) where online;
      create index ix_visitors_online_seen on web.visitors (last_seen_at) where online;

      create table web.page_views (
        id bigint generated always as identity,
        workspace_id uuid not null,
        visitor_id uuid not null,
        visit_id uuid not null,
        page_view_id uuid not null,
        url text not null,
        title text not null,
        referrer text,
        viewed_at timestamptz not null,
        duration_ms integer,
        constraint pk_page_views primary key (id),
        constraint uq_page_views_visitor_page_view unique (visitor_id, page_view_id),
        constraint fk_page_views_visit foreign key (visit_id) references web.visits (id),
        constraint ck_page_views_duration check (duration_ms >= 0)
      );
      create index ix_page_views_visitor_viewed on web.page_views (visitor_id, viewed_at);

      create table web.invitations (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        inbox_id uuid not null,
        visitor_id uuid not null,
        visit_id uuid not null,
        agent_id uuid,
        rule_id text,
        message text not null,
        status text not null default 'sent',
        conversation_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_invitations primary key (id),
        constraint uq_invitations_visit_rule unique (visit_id, rule_id),
        constraint fk_invitations_visit foreign key (visit_id) references web.visits (id),
        constraint ck_invitations_status
          check (status in ('sent', 'accepted', 'dismissed', 'expired'))
      );
      create index ix_invitations_visitor_open on web.invitations (visitor_id) where status = 'sent';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table web.invitations;
      drop table web.page_views;
      drop table web.visitors;
      drop table web.visits;
    `);
  }
}
