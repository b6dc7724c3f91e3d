import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VisitorSessionRevocation1796018293255 implements MigrationInterface {
  readonly name = 'VisitorSessionRevocation1796018293255';

  // An agent can end a visitor's sessions; the row stays so the token is known as revoked.
  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table web.visitor_sessions add column revoked_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table web.visitor_sessions drop column revoked_at`);
  }
}
