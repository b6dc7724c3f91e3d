import type { MigrationInterface, QueryRunner } from 'typeorm';

// canned_responses.owner_agent_id: an agent's personal phrase (null: shared by the workspace).
// Shared shortcuts stay unique in the workspace, personal ones per agent; that a personal one
// does not shadow a shared one is checked by conversation under a per-workspace lock.
export class PersonalCannedResponses1796210000100 implements MigrationInterface {
  readonly name = 'PersonalCannedResponses1796210000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table conversation.canned_responses add column owner_agent_id uuid;
      alter table conversation.canned_responses
        drop constraint uq_canned_responses_workspace_shortcut;
      create unique index uq_canned_responses_shared_shortcut
        on conversation.canned_responses (workspace_id, shortcut) where owner_agent_id is null;
      create unique index uq_canned_responses_personal_shortcut
        on conversation.canned_responses (owner_agent_id, shortcut) where owner_agent_id is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      delete from conversation.canned_responses where owner_agent_id is not null;
      drop index conversation.uq_canned_responses_personal_shortcut;
      drop index conversation.uq_canned_responses_shared_shortcut;
      alter table conversation.canned_responses
        add constraint uq_canned_responses_workspace_shortcut unique (workspace_id, shortcut);
      alter table conversation.canned_responses drop column owner_agent_id;
    `);
  }
}
