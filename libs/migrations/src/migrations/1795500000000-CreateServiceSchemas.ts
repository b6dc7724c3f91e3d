import type { MigrationInterface, QueryRunner } from 'typeorm';

// One schema per owning service; web, email and social stay empty until their connectors
// need tables. Tables are created by the later migrations, one per schema.
export class CreateServiceSchemas1795500000000 implements MigrationInterface {
  readonly name = 'CreateServiceSchemas1795500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create schema gateway;
      create schema routing;
      create schema conversation;
      create schema crm;
      create schema web;
      create schema email;
      create schema social;
    `);
  }

  // No CASCADE: a schema that still holds anything means a later migration was not reverted.
  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop schema social;
      drop schema email;
      drop schema web;
      drop schema crm;
      drop schema conversation;
      drop schema routing;
      drop schema gateway;
    `);
  }
}
