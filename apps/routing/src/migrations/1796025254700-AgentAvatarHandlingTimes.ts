import type { MigrationInterface, QueryRunner } from 'typeorm';

// agents.avatar_url: the picture visitors see beside the agent's name (an http(s) URL).
// handling_times: how long each resolved conversation was with its agent (assigned → resolved),
// written when routing drops the route; the queue's estimated wait is computed from the recent
// ones. Rows older than the estimate's window are not read again and may be deleted.
export class AgentAvatarHandlingTimes1796025254700 implements MigrationInterface {
  readonly name = 'AgentAvatarHandlingTimes1796025254700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table routing.agents add column avatar_url text;
      create table routing.handling_times (
        conversation_id uuid not null,
        workspace_id uuid not null,
        department_id uuid,
        assigned_at timestamptz not null,
        resolved_at timestamptz not null,
        handle_seconds integer not null,
        constraint pk_handling_times primary key (conversation_id, resolved_at),
        constraint ck_handling_times_handle_seconds check (handle_seconds >= 0)
      );
      create index ix_handling_times_workspace_resolved
        on routing.handling_times (workspace_id, resolved_at desc);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table routing.handling_times;
      alter table routing.agents drop column avatar_url;
    `);
  }
}
