import type { MigrationInterface, QueryRunner } from 'typeorm';

// A customer's reply on their platform names the message it answers; the transcript shows it.
// A message removed later (retention, privacy) leaves the reply without its reference.
export class MessageReplyTo1796222000000 implements MigrationInterface {
  readonly name = 'MessageReplyTo1796222000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table conversation.messages
        add column reply_to_message_id uuid
          constraint fk_messages_reply_to references conversation.messages (id) on delete set null
    `);
    // The foreign key is checked on every delete of a message.
    await db.query(`
      create index ix_messages_reply_to on conversation.messages (reply_to_message_id)
        where reply_to_message_id is not null
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index conversation.ix_messages_reply_to`);
    await db.query(`alter table conversation.messages drop column reply_to_message_id`);
  }
}
