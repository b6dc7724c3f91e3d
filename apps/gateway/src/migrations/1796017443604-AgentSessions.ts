import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgentSessions1796017443604 implements MigrationInterface {
  readonly name = 'AgentSessions1796017443604';

  async up(db: QueryRunner): Promise<void> {
    // One session per login: the family of every refresh token rotated from it. Access tokens
    // carry the session id, so revoking the row refuses them all.
    await db.query(`
      create table gateway.agent_sessions (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        agent_id uuid not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz,
        revoked_reason text,
        constraint pk_agent_sessions primary key (id),
        constraint fk_agent_sessions_workspace foreign key (workspace_id)
          references gateway.workspaces (id) on delete cascade,
        constraint ck_agent_sessions_revoked check (
          (revoked_at is null and revoked_reason is null)
          or (revoked_at is not null and revoked_reason in ('logout', 'reuse', 'agent_changed'))
        )
      );
      create index ix_agent_sessions_live_agent on gateway.agent_sessions (agent_id)
        where revoked_at is null;
      create index ix_agent_sessions_revoked_at on gateway.agent_sessions (revoked_at)
        where revoked_at is not null;

      -- Only a SHA-256 of each refresh token is stored; rotated_at marks one already used.
      create table gateway.refresh_tokens (
        token_hash text not null,
        session_id uuid not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        rotated_at timestamptz,
        constraint pk_refresh_tokens primary key (token_hash),
        constraint fk_refresh_tokens_session foreign key (session_id)
          references gateway.agent_sessions (id) on delete cascade
      );
      create index ix_refresh_tokens_session on gateway.refresh_tokens (session_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table gateway.refresh_tokens;
      drop table gateway.agent_sessions;
    `);
  }
}
