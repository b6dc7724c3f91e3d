import type { MigrationInterface, QueryRunner } from 'typeorm';

// Login limits shared by every gateway replica (@hub/rate-limits, rate-limiter-flexible's
// PostgreSQL store): one row per limited key, `points` spent until `expire` (epoch ms). The
// columns are the ones that library reads and writes; it never creates the table itself.
export class CreateLoginRateLimits1796017455854 implements MigrationInterface {
  readonly name = 'CreateLoginRateLimits1796017455854';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table gateway.rate_limits (
        key varchar(255) not null,
        points integer not null default 0,
        expire bigint,
        constraint pk_rate_limits primary key (key)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table gateway.rate_limits;`);
  }
}
