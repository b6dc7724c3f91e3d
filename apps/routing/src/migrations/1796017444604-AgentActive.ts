import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgentActive1796017444604 implements MigrationInterface {
  readonly name = 'AgentActive1796017444604';

  // Removing an agent deactivates them: their messages and routes keep pointing at the row.
  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table routing.agents add column active boolean not null default true`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table routing.agents drop column active`);
  }
}
