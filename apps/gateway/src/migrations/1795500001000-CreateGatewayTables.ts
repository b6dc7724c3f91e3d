import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGatewayTables1795500001000 implements MigrationInterface {
  readonly name = 'CreateGatewayTables1795500001000';

  async up(db: QueryRunner): Promise<void> {
    // A workspace's own id is the workspace_id every other row carries.
    await db.query(`
      create table gateway.workspaces (
        id uuid not null default gen_random_uuid(),
        name text not null,
        slug text not null,
        settings jsonb not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_workspaces primary key (id),
        constraint uq_workspaces_slug unique (slug),
        constraint ck_workspaces_slug check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$')
      );

      -- Only a hash of the key is stored; the key itself is shown once at creation.
      create table gateway.api_keys (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        name text not null,
        key_hash text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz,
        constraint pk_api_keys primary key (id),
        constraint uq_api_keys_key_hash unique (key_hash),
        constraint fk_api_keys_workspace foreign key (workspace_id)
          references gateway.workspaces (id) on delete cascade
      );
      create index ix_api_keys_workspace on gateway.api_keys (workspace_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table gateway.api_keys;
      drop table gateway.workspaces;
    `);
  }
}
