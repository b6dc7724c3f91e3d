import { DataSource, MigrationExecutor } from 'typeorm';
import type { QueryRunner } from 'typeorm';
import { loadMigrations } from './migration-files';
import type { MigrationClass } from './migration-files';

/** The table in `public` recording which migrations ran. */
export const MIGRATIONS_TABLE = 'hub_migrations';

// Any fixed 64-bit key works as long as every runner uses the same one: this is the ASCII of
// "hubmigr" (0x6875626d696772) in decimal, since PostgreSQL before 16 reads no hex literals.
const MIGRATION_LOCK_KEY = '29402463180777330';

function migrationDataSource(databaseUrl: string, migrations: MigrationClass[]): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    applicationName: 'hub-migrations',
    // Pinned so the migrations table is public.hub_migrations whatever the search_path.
    schema: 'public',
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    poolSize: 1,
    connectTimeoutMS: 10_000,
  });
}

/**
 * Holds a session advisory lock on one connection and hands that same connection to `work`,
 * so a second runner (another Job pod, a parallel test) waits for the first and then finds
 * nothing left to do. The lock dies with the session, so a crashed runner never leaves it held.
 */
async function withMigrationLock<T>(
  databaseUrl: string,
  work: (executor: MigrationExecutor, runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const dataSource = migrationDataSource(databaseUrl, await loadMigrations());
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner('master');
  try {
    await runner.connect();
    await runner.query(`select pg_advisory_lock(${MIGRATION_LOCK_KEY}::bigint)`);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return await work(executor, runner);
    } finally {
      await runner.query(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY}::bigint)`);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

/** Applies every pending migration, each in its own transaction; returns the names applied. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  return withMigrationLock(databaseUrl, async (executor) => {
    const applied = await executor.executePendingMigrations();
    return applied.map((migration) => migration.name);
  });
}

/** Reverts every applied migration, newest first; returns the names reverted. */
export async function revertAllMigrations(databaseUrl: string): Promise<string[]> {
  return withMigrationLock(databaseUrl, async (executor) => {
    const reverted: string[] = [];
    for (;;) {
      // Sorted newest first (by id), the same order undoLastMigration reverts in.
      const [newest] = await executor.getExecutedMigrations();
      if (!newest) return reverted;
      await executor.undoLastMigration();
      reverted.push(newest.name);
    }
  });
}
