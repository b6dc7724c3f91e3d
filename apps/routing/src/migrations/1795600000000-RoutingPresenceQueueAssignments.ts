import type { MigrationInterface, QueryRunner } from 'typeorm';

// agent_status: one row per agent that ever connected. `presence` is the effective presence
// (offline when no connection is live, else the agent's choice); `active_chats` is the load,
// changed only under the workspace's routing lock together with the routes it counts.
// agent_connections: one row per agent socket a gateway holds; `seen_at` is refreshed by the
// gateway's heartbeat and rows not refreshed in time are swept (the gateway died).
// routes: routing's record of every conversation waiting for or owned by an agent. The
// primary key on conversation_id is what makes "one conversation, one agent" a database fact.
// `agent_id`/`department_id` are what routing decided; `applied_*` what the conversation
// service confirmed; rows where they differ are applied, and retried, until they agree.
export class RoutingPresenceQueueAssignments1795600000000 implements MigrationInterface {
  readonly name = 'RoutingPresenceQueueAssignments1795600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table routing.agent_status (
        agent_id uuid not null,
        workspace_id uuid not null,
        chosen_presence text not null default 'online',
        presence text not null default 'offline',
        active_chats integer not null default 0,
        last_assigned_at timestamptz,
        offline_since timestamptz,
        offline_handled boolean not null default true,
        updated_at timestamptz not null default now(),
        constraint pk_agent_status primary key (agent_id),
        constraint fk_agent_status_agent foreign key (agent_id)
          references routing.agents (id) on delete cascade,
        constraint ck_agent_status_chosen_presence check (chosen_presence in ('online', 'away')),
        constraint ck_agent_status_presence check (presence in ('online', 'away', 'offline')),
        constraint ck_agent_status_active_chats check (active_chats >= 0)
      );
      create index ix_agent_status_workspace_presence on routing.agent_status (workspace_id, presence);
      -- The grace sweep looks only at agents gone offline whose conversations were not yet requeued.
      create index ix_agent_status_offline_pending on routing.agent_status (offline_since)
        where presence = 'offline' and not offline_handled;

      create table routing.agent_connections (
        gateway_id text not null,
        connection_id text not null,
        workspace_id uuid not null,
        agent_id uuid not null,
        connected_at timestamptz not null default now(),
        seen_at timestamptz not null default now(),
        constraint pk_agent_connections primary key (gateway_id, connection_id),
        constraint fk_agent_connections_agent foreign key (agent_id)
          references routing.agents (id) on delete cascade
      );
      create index ix_agent_connections_agent on routing.agent_connections (agent_id);
      create index ix_agent_connections_seen on routing.agent_connections (seen_at);

      create table routing.routes (
        conversation_id uuid not null,
        workspace_id uuid not null,
        department_id uuid,
        state text not null,
        agent_id uuid,
        queue_rank smallint not null default 1,
        enqueued_at timestamptz not null default clock_timestamp(),
        position integer,
        excluded_agent_id uuid,
        assigned_at timestamptz,
        answered boolean not null default false,
        opened_at timestamptz not null,
        opened_event_id text not null,
        applied_agent_id uuid,
        applied_department_id uuid,
        apply_after timestamptz not null default now(),
        apply_lease_until timestamptz,
        apply_attempts integer not null default 0,
        constraint pk_routes primary key (conversation_id),
        constraint fk_routes_agent foreign key (agent_id) references routing.agents (id),
        constraint ck_routes_state check (state in ('queued', 'assigned')),
        constraint ck_routes_assignee check ((state = 'assigned') = (agent_id is not null)),
        constraint ck_routes_queue_rank check (queue_rank in (0, 1)),
        constraint ck_routes_position check (position is null or position > 0)
      );
      create index ix_routes_queue on routing.routes (workspace_id, queue_rank, enqueued_at, conversation_id)
        where state = 'queued';
      create index ix_routes_agent on routing.routes (agent_id) where state = 'assigned';
      -- Rows whose decision the conversation service has not confirmed yet (see needs_apply in
      -- apps/routing: the predicate must stay the same for this index to serve the sweep).
      create index ix_routes_unapplied on routing.routes (apply_after)
        where agent_id is distinct from applied_agent_id
          or (applied_agent_id is not null and department_id is not null
              and department_id is distinct from applied_department_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table routing.routes;
      drop table routing.agent_connections;
      drop table routing.agent_status;
    `);
  }
}
