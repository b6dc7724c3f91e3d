import type { MigrationInterface, QueryRunner } from 'typeorm';

// api_keys.prefix: the key's first characters, shown in lists so an admin tells keys apart
// (the key itself is shown once). last_used_at: when the key last let a request in.
export class ApiKeyPrefixLastUsed1796210000200 implements MigrationInterface {
  readonly name = 'ApiKeyPrefixLastUsed1796210000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table gateway.api_keys add column prefix text not null default '';
      alter table gateway.api_keys add column last_used_at timestamptz;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table gateway.api_keys drop column last_used_at;
      alter table gateway.api_keys drop column prefix;
    `);
  }
}
