import type { MigrationInterface, QueryRunner } from 'typeorm';

// Visitor limits (session minting per IP, messages per visitor) shared by every connector-web
// replica (@hub/rate-limits, rate-limiter-flexible's PostgreSQL store): one row per limited key,
// `points` spent until `expire` (epoch ms). The columns are the ones that library reads and
// writes; it never creates the table itself.
export class CreateVisitorRateLimits1796017456854 implements MigrationInterface {
  readonly name = 'CreateVisitorRateLimits1796017456854';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table web.rate_limits (
        key varchar(255) not null,
        points integer not null default 0,
        expire bigint,
        constraint pk_rate_limits primary key (key)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table web.rate_limits;`);
  }
}
