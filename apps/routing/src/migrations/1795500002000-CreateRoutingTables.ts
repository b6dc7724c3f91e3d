import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRoutingTables1795500002000 implements MigrationInterface {
  readonly name = 'CreateRoutingTables1795500002000';

  async up(db: QueryRunner): Promise<void> {
    // Emails are stored lowercased (the CHECK enforces it) so the unique key and the login
    // lookup need no lower() expression index.
    await db.query(`
      create table routing.agents (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        name text not null,
        email text not null,
        role text not null,
        password_hash text not null,
        max_concurrent_chats integer not null default 3,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pk_agents primary key (id),
        constraint uq_agents_workspace_email unique (workspace_id, email),
        constraint ck_agents_email_lowercase check (email = lower(email)),
        constraint ck_agents_role check (role in ('admin', 'supervisor', 'agent')),
        constraint ck_agents_max_concurrent_chats check (max_concurrent_chats > 0)
      );

      create table routing.departments (
        id uuid not null default gen_random_uuid(),
        workspace_id uuid not null,
        name text not null,
        created_at timestamptz not null default now(),
        constraint pk_departments primary key (id),
        constraint uq_departments_workspace_name unique (workspace_id, name)
      );

      create table routing.department_agents (
        workspace_id uuid not null,
        department_id uuid not null,
        agent_id uuid not null,
        constraint pk_department_agents primary key (department_id, agent_id),
        constraint fk_department_agents_department foreign key (department_id)
          references routing.departments (id) on delete cascade,
        constraint fk_department_agents_agent foreign key (agent_id)
          references routing.agents (id) on delete cascade
      );
      -- The primary key serves "agents of a department"; this serves "departments of an agent".
      create index ix_department_agents_agent on routing.department_agents (agent_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table routing.department_agents;
      drop table routing.departments;
      drop table routing.agents;
    `);
  }
}
