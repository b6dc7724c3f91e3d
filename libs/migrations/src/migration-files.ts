import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/** `<13-digit epoch ms>-<PascalCaseChange>.ts` (`.js` once built), as new-migration.mjs writes. */
const MIGRATION_FILE = /^(\d{13})-([A-Z][A-Za-z0-9]*)\.(ts|js)$/;

// This file sits at libs/migrations/src/ both in the sources (jest) and in dist/ (node), so the
// tree it is compiled into is three levels up either way.
const TREE_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The folders holding migrations: each app's own (`apps/<app>/src/migrations/`, the schema it
 * owns) and this lib's, which keeps only the baseline that lays out one schema per service.
 * Read from disk, not imported: a lib must not depend on the apps, and a new app's
 * migrations are found without editing a list here.
 */
export function migrationFolders(root: string = TREE_ROOT): string[] {
  const appsDir = path.join(root, 'apps');
  const appFolders = existsSync(appsDir)
    ? readdirSync(appsDir)
        .sort()
        .map((app) => path.join(appsDir, app, 'src', 'migrations'))
    : [];
  return [path.join(root, 'libs', 'migrations', 'src', 'migrations'), ...appFolders].filter(
    (folder) => existsSync(folder),
  );
}

/** The one class a migration file exports, named `<Change><timestamp>` after its file. */
async function migrationIn(
  file: string,
  timestamp: string,
  change: string,
): Promise<MigrationClass> {
  const exported = Object.values((await import(file)) as Record<string, unknown>).filter(
    (value): value is MigrationClass => typeof value === 'function',
  );
  const expectedName = `${change}${timestamp}`;
  if (exported.length !== 1 || exported[0].name !== expectedName) {
    throw new Error(
      `${file} must export exactly one class, ${expectedName}; found ${exported.map((c) => c.name).join(', ') || 'none'}`,
    );
  }
  return exported[0];
}

/**
 * Every migration of every schema, oldest first. The order is the timestamps' alone, whichever
 * folder a migration sits in, so a database records the same sequence it always did.
 */
export async function loadMigrations(root?: string): Promise<MigrationClass[]> {
  const found: { timestamp: string; file: string; migration: MigrationClass }[] = [];
  for (const folder of migrationFolders(root)) {
    for (const entry of readdirSync(folder).sort()) {
      const match = MIGRATION_FILE.exec(entry);
      if (!match) continue;
      const [, timestamp, change] = match;
      const file = path.join(folder, entry);
      found.push({ timestamp, file, migration: await migrationIn(file, timestamp, change) });
    }
  }
  found.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  for (const [index, current] of found.entries()) {
    const previous = found[index - 1];
    // TypeORM orders by timestamp alone: two equal ones would run in an undefined order.
    if (previous?.timestamp === current.timestamp)
      throw new Error(
        `two migrations share timestamp ${current.timestamp}: ${previous.file}, ${current.file}`,
      );
  }
  return found.map(({ migration }) => migration);
}
