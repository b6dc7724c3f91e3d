import type { MigrationInterface, QueryRunner } from 'typeorm';

// agents.locale: the inbox app's language the agent chose; null until they choose, when the app
// follows the browser's languages.
// agent_invitations: an invited agent's one-time token, kept only as its SHA-256 (a leaked
// table row cannot be redeemed); the row goes once the token is used.
export class AgentLocaleInvitations1796210000000 implements MigrationInterface {
  readonly name = 'AgentLocaleInvitations1796210000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table routing.agents add column locale text
        constraint ck_agents_locale check (locale in ('en', 'zh-CN', 'zh-TW', 'ja'));
      create table routing.agent_invitations (
        token_hash text not null,
        workspace_id uuid not null,
        agent_id uuid not null,
        expires_at timestamptz not null,
        created_at timestamptz not null default now(),
        constraint pk_agent_invitations primary key (token_hash),
        constraint fk_agent_invitations_agent foreign key (agent_id)
          references routing.agents (id) on delete cascade
      );
      create index ix_agent_invitations_agent on routing.agent_invitations (agent_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table routing.agent_invitations;
      alter table routing.agents drop column locale;
    `);
  }
}
