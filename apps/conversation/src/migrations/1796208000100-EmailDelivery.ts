import type { MigrationInterface, QueryRunner } from 'typeorm';

// Why a mailed reply failed (the relay's refusal, the bounce's diagnostic), shown with its
// delivery status.
export class EmailDelivery1796208000100 implements MigrationInterface {
  readonly name = 'EmailDelivery1796208000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table conversation.messages add column delivery_error text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table conversation.messages drop column delivery_error`);
  }
}
