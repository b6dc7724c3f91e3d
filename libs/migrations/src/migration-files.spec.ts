import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMigrations, migrationFolders } from './migration-files';

describe('loadMigrations', () => {
  let root: string;

  /** Writes a compiled-looking migration file exporting `className` under `folder`. */
  const migration = (folder: string, file: string, className: string): void => {
    const dir = path.join(root, folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, file),
      `exports.${className} = class ${className} { async up() {} async down() {} };\n`,
    );
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'hub-migration-files-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("orders every app's migrations and the baseline by timestamp, whatever their folder", async () => {
    migration('apps/crm/src/migrations', '1700000000002-CreateCrm.js', 'CreateCrm1700000000002');
    migration('apps/crm/src/migrations', '1700000000004-AlterCrm.js', 'AlterCrm1700000000004');
    migration(
      'apps/gateway/src/migrations',
      '1700000000003-CreateGateway.js',
      'CreateGateway1700000000003',
    );
    migration('libs/migrations/src/migrations', '1700000000001-Schemas.js', 'Schemas1700000000001');
    // Not migrations: a source map and an app without a migrations folder.
    writeFileSync(path.join(root, 'apps/crm/src/migrations/1700000000002-CreateCrm.js.map'), '{}');
    mkdirSync(path.join(root, 'apps/connector-email/src'), { recursive: true });

    const names = (await loadMigrations(root)).map((m) => m.name);
    expect(names).toEqual([
      'Schemas1700000000001',
      'CreateCrm1700000000002',
      'CreateGateway1700000000003',
      'AlterCrm1700000000004',
    ]);
    expect(migrationFolders(root).map((folder) => path.relative(root, folder))).toEqual([
      'libs/migrations/src/migrations',
      'apps/crm/src/migrations',
      'apps/gateway/src/migrations',
    ]);
  });

  it('refuses a file whose class is not named after it', async () => {
    migration('apps/crm/src/migrations', '1700000000002-CreateCrm.js', 'CreateCrm1700000000009');
    await expect(loadMigrations(root)).rejects.toThrow(
      /1700000000002-CreateCrm\.js must export exactly one class, CreateCrm1700000000002; found CreateCrm1700000000009/,
    );
  });

  it('refuses two migrations with one timestamp, since their order would be undefined', async () => {
    migration('apps/crm/src/migrations', '1700000000002-CreateCrm.js', 'CreateCrm1700000000002');
    migration('apps/web/src/migrations', '1700000000002-CreateWeb.js', 'CreateWeb1700000000002');
    await expect(loadMigrations(root)).rejects.toThrow(
      /two migrations share timestamp 1700000000002/,
    );
  });
});
