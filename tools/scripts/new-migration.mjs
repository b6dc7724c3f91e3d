// @ts-check
// We write migrations by hand (style rule 17), so "generate" only names the file and prints a
// skeleton: `npx nx run persistence:migration:generate --name=AddTicketPriority`.
// The printed class goes in the printed path, and its class name is appended to
// `allMigrations` in libs/persistence/src/migrations/index.ts.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    dir: { type: 'string', default: 'libs/persistence/src/migrations' },
  },
  allowPositionals: true,
});

const name = values.name;
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npx nx run persistence:migration:generate --name=<PascalCaseChange>');
  console.error('       (or: node tools/scripts/new-migration.mjs --name=AddTicketPriority)');
  process.exit(2);
}

// Keep the order append-only: never older than the newest migration already there.
const dir = path.resolve(root, values.dir);
const epochs = existsSync(dir)
  ? readdirSync(dir)
      .map((f) => /^(\d+)-/.exec(f)?.[1])
      .filter((e) => e !== undefined)
      .map(Number)
  : [];
const epoch = Math.max(Date.now(), ...epochs.map((e) => e + 1000));
const className = `${name}${epoch}`;
const file = path.join(path.relative(root, dir), `${epoch}-${name}.ts`);

console.log(`Create ${file} with:

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  readonly name = '${className}';

  async up(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }
}

Then append ${className} to allMigrations in ${path.relative(root, dir)}/index.ts,
and run it: npx nx run persistence:migration:run (needs DATABASE_URL).`);
