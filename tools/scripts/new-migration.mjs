// @ts-check
// We write migrations by hand (style rule 17), so "generate" only writes a named skeleton into
// the migrations folder of the app that owns the schema:
//   node tools/scripts/new-migration.mjs --app=crm --name=AddTicketPriority
// The runner (libs/migrations) finds it there by its file name; no list to edit.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: { app: { type: 'string' }, name: { type: 'string' } },
});

const usage = () => {
  console.error(
    'usage: node tools/scripts/new-migration.mjs --app=<app> --name=<PascalCaseChange>',
  );
  console.error('       e.g. --app=crm --name=AddTicketPriority');
  process.exit(2);
};
const { app, name } = values;
if (!app || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) usage();
if (!existsSync(path.join(root, 'apps', app, 'src'))) {
  console.error(`no app ${app}: apps/${app}/src does not exist`);
  usage();
}

// Migrations run in timestamp order across every folder, so a new one is newer than all of them.
const migrationFolders = [
  path.join(root, 'libs', 'migrations', 'src', 'migrations'),
  ...readdirSync(path.join(root, 'apps')).map((a) =>
    path.join(root, 'apps', a, 'src', 'migrations'),
  ),
].filter((folder) => existsSync(folder));
const epochs = migrationFolders
  .flatMap((folder) => readdirSync(folder))
  .map((file) => /^(\d{13})-/.exec(file)?.[1])
  .filter((epoch) => epoch !== undefined)
  .map(Number);
const epoch = Math.max(Date.now(), ...epochs.map((e) => e + 1000));
const className = `${name}${epoch}`;
const dir = path.join(root, 'apps', app, 'src', 'migrations');
const file = path.join(dir, `${epoch}-${name}.ts`);

mkdirSync(dir, { recursive: true });
writeFileSync(
  file,
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  readonly name = '${className}';

  async up(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }
}
`,
  { flag: 'wx' },
);
console.log(`created ${path.relative(root, file)}: write its up and down (SQL in the ${app} schema),
then apply it: npm run build && DATABASE_URL=... node dist/libs/migrations/src/migrate.main.js
(npm start applies it too).`);
