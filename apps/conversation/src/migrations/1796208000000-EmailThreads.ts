import type { MigrationInterface, QueryRunner } from 'typeorm';

// Email: a conversation remembers the subject it started with (the subject + sender fallback of
// threading), and an email inbox's address is unique across the hub, since mail for it must
// land in exactly one workspace. The index is on an expression, so the entity cannot name it.
export class EmailThreads1796208000000 implements MigrationInterface {
  readonly name = 'EmailThreads1796208000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table conversation.conversations add column subject text`);
    await db.query(`
      create unique index uq_inboxes_email_address
        on conversation.inboxes (lower(settings #>> '{email,address}'))
        where channel = 'email'
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index conversation.uq_inboxes_email_address`);
    await db.query(`alter table conversation.conversations drop column subject`);
  }
}
