import type { MigrationInterface, QueryRunner } from 'typeorm';

// Webhook floods per source IP, counted across every connector-social replica (@hub/rate-limits,
// rate-limiter-flexible's PostgreSQL store, whose columns these are).
export class CreateSocialRateLimits1796214000100 implements MigrationInterface {
  readonly name = 'CreateSocialRateLimits1796214000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table social.rate_limits (
        key varchar(255) not null,
        points integer not null default 0,
        expire bigint,
        constraint pk_rate_limits primary key (key)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table social.rate_limits;`);
  }
}
