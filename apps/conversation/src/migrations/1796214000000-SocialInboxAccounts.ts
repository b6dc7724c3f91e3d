import type { MigrationInterface, QueryRunner } from 'typeorm';

// A Meta webhook names only the platform account (page, Instagram account, WhatsApp phone
// number id): that id alone says which inbox, and so which workspace, a message is for. One
// inbox per account and channel, across the hub; the index is also the webhook's lookup.
export class SocialInboxAccounts1796214000000 implements MigrationInterface {
  readonly name = 'SocialInboxAccounts1796214000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create unique index uq_inboxes_meta_account on conversation.inboxes (channel, (
        coalesce(settings ->> 'pageId', settings ->> 'instagramAccountId', settings ->> 'phoneNumberId')
      )) where channel in ('messenger', 'instagram', 'whatsapp')
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index conversation.uq_inboxes_meta_account`);
  }
}
