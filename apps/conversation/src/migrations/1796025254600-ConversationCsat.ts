import type { MigrationInterface, QueryRunner } from 'typeorm';

// The customer's rating of a conversation (CSAT): one per conversation, a later one within
// the rating window replacing it, so three columns on the row rather than a table.
export class ConversationCsat1796025254600 implements MigrationInterface {
  readonly name = 'ConversationCsat1796025254600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table conversation.conversations
        add column csat_rating smallint,
        add column csat_comment text,
        add column csat_submitted_at timestamptz,
        add constraint ck_conversations_csat_rating
          check (csat_rating is null or csat_rating between 1 and 5),
        add constraint ck_conversations_csat_complete
          check ((csat_rating is null) = (csat_submitted_at is null));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table conversation.conversations
        drop constraint ck_conversations_csat_complete,
        drop constraint ck_conversations_csat_rating,
        drop column csat_submitted_at,
        drop column csat_comment,
        drop column csat_rating;
    `);
  }
}
