// The one step that changes the schema: the launcher runs it locally, a Kubernetes Job in a
// cluster; service replicas never migrate.
//   node dist/libs/migrations/src/migrate.main.js            apply pending migrations
//   node dist/libs/migrations/src/migrate.main.js --revert   revert every migration
import { revertAllMigrations, runMigrations } from './migrate';

/** A mistake in how the command was started: its message says it all, no stack needed. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('DATABASE_URL is not set (expected a postgres:// URL)');
  const unknown = argv.filter((arg) => arg !== '--revert');
  if (unknown.length > 0)
    throw new UsageError(
      `unknown argument(s) ${unknown.join(' ')}; usage: migrate.main.js [--revert]`,
    );

  if (argv.includes('--revert')) {
    const reverted = await revertAllMigrations(databaseUrl);
    console.log(reverted.length ? `reverted:\n  ${reverted.join('\n  ')}` : 'nothing to revert');
  } else {
    const applied = await runMigrations(databaseUrl);
    console.log(applied.length ? `applied:\n  ${applied.join('\n  ')}` : 'schema is up to date');
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    // Each migration ran in its own transaction: a failed one left nothing half-applied.
    const detail =
      error instanceof UsageError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    console.error(`migration failed: ${detail}`);
    process.exit(1);
  },
);
