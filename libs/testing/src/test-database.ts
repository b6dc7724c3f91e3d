import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '@hub/migrations';
import { testRunId, testServices } from './test-env';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const MAX_IDENTIFIER = 63;

/** Runs `work` on a short-lived connection to `url`, closed whatever happens. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'hub-tests' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The admin URL with its database swapped for `name`. */
function urlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A database name unique to this run and call: lowercase, at most 63 characters. */
export function testDatabaseName(label: string): string {
  const suffix = randomBytes(4).toString('hex');
  const prefix = `hub_${testRunId()}_`.toLowerCase();
  const room = MAX_IDENTIFIER - prefix.length - suffix.length - 1;
  const cleanLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, Math.max(room, 0));
  const name = `${prefix}${cleanLabel}_${suffix}`;
  if (name.length > MAX_IDENTIFIER)
    throw new Error(`test run id too long for a database name: ${name}`);
  return name;
}

const SESSIONS_LEAVE_MS = 2_000;

/**
 * Waits (briefly) until no session is connected to `name`. A pool that has just been ended has
 * said goodbye, but its server sessions may still be exiting: forcing them off then reaches
 * the client as "terminating connection due to administrator command", an unhandled error in
 * whatever test is running. Sessions a test left open are still forced off after the wait.
 */
async function untilSessionsLeave(client: Client, name: string): Promise<void> {
  const deadline = Date.now() + SESSIONS_LEAVE_MS;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ sessions: number }>(
      `select count(*)::int as sessions from pg_stat_activity where datname = $1`,
      [name],
    );
    if (rows[0].sessions === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A fresh database for one test file, migrated to the latest schema; pass `migrate: false`
 * for an empty one. `drop()` forces other sessions off (a pool not yet closed must not make
 * the cleanup fail).
 */
export async function createTestDatabase(
  label: string,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const adminUrl = testServices.databaseUrl;
  const name = testDatabaseName(label);
  await withClient(adminUrl, (client) => client.query(`create database "${name}"`));
  const url = urlFor(adminUrl, name);
  const drop = () =>
    withClient(adminUrl, async (client) => {
      await untilSessionsLeave(client, name);
      await client.query(`drop database if exists "${name}" with (force)`);
    });
  if (options.migrate !== false) {
    try {
      await runMigrations(url);
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { url, name, drop };
}
