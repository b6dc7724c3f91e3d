import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest ancestor holding deploy/build.mjs (works from src and dist). */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'deploy', 'build.mjs'))) return dir;
    if (dir === path.dirname(dir))
      throw new Error(`no repository root (deploy/build.mjs) above ${from}`);
  }
}

// The layout of the state directory (`.hub/`, gitignored). As root, PostgreSQL runs as the
// `postgres` user, which must pass through this directory to its data: so the directory itself
// is searchable by everyone but listable by no one (0711), the data directory is PostgreSQL's own
// (0700), and everything else the launcher keeps, secrets first, sits in private/ (0700).
const PRIVATE = 'private';
const POSTGRES_DATA = 'postgres';
/** What earlier launchers kept directly in `.hub/`, moved into private/ on the next start. */
const MOVED_INTO_PRIVATE = [
  'jwt-secret',
  'demo-logins.json',
  'nats',
  'postgres.log',
  'nats-server.log',
];

/** `HUB_STATE_DIR`, else `.hub/` in the repository. */
export function stateDirPath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, env.HUB_STATE_DIR || '.hub');
}

/** Creates the state directory (or fixes an older one's modes) and returns it. */
export function prepareStateDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o711);
  const own = privateDir(dir);
  for (const name of MOVED_INTO_PRIVATE) {
    const old = path.join(dir, name);
    if (existsSync(old) && !existsSync(path.join(own, name))) renameSync(old, path.join(own, name));
  }
  return dir;
}

/** `<state>/private/`, created 0700 when missing: secrets, logs and the NATS store. */
export function privateDir(dir: string): string {
  const own = path.join(dir, PRIVATE);
  mkdirSync(own, { recursive: true, mode: 0o700 });
  chmodSync(own, 0o700);
  return own;
}

/** Whether a user other than the owner may pass through every existing directory above `dir`. */
function othersCanReach(dir: string): boolean {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    // One still missing is created world-searchable (mode 0755 under the usual umask).
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/**
 * The embedded PostgreSQL's data directory: `postgres/` in the state directory, outside
 * private/, so its user can reach it. As root PostgreSQL runs as `postgres`, which cannot pass
 * a closed directory above (a checkout under /root, mode 0700): then the data goes to
 * /var/tmp, which survives reboots, in a directory named after the state directory it serves.
 */
export function postgresDataDir(dir: string, asRoot = process.getuid?.() === 0): string {
  if (!asRoot || othersCanReach(dir)) return path.join(dir, POSTGRES_DATA);
  const id = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 12);
  return path.join('/var/tmp', `hub-${id}`, POSTGRES_DATA);
}

/** Creates the data directory's parent searchable by everyone (whatever the umask) but listable by no one. */
export function preparePostgresParent(dataDir: string): void {
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  chmodSync(parent, 0o711);
}

/** The embedded nats-server's JetStream store. */
export function natsStoreDir(dir: string): string {
  return path.join(dir, PRIVATE, 'nats');
}

/** JWT_SECRET from the environment, else the one generated on the first run and kept privately. */
export function jwtSecret(dir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = path.join(privateDir(dir), 'jwt-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return kept;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export interface DemoLoginRecord {
  role: string;
  name: string;
  email: string;
  password: string;
}

export interface DemoLoginsFile {
  workspaceId: string;
  /** Where that workspace lives, without the password. */
  database: string;
  logins: DemoLoginRecord[];
}

export function demoLoginsPath(dir: string): string {
  return path.join(privateDir(dir), 'demo-logins.json');
}

export function readDemoLogins(dir: string): DemoLoginsFile | undefined {
  const file = demoLoginsPath(dir);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoLoginsFile>;
    return Array.isArray(parsed.logins) && typeof parsed.workspaceId === 'string'
      ? (parsed as DemoLoginsFile)
      : undefined;
  } catch (error) {
    throw new Error(
      `${file} is not valid JSON (${(error as Error).message}); delete it to start over`,
      {
        cause: error,
      },
    );
  }
}

export function writeDemoLogins(dir: string, content: DemoLoginsFile): void {
  writeFileSync(demoLoginsPath(dir), `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
}

/** The kept passwords keyed by the email's local part (`admin`, `alice`), reused for a fresh database. */
export function keptPasswords(
  file: DemoLoginsFile | undefined,
): Record<string, string> | undefined {
  if (!file) return undefined;
  const entries = file.logins.map((l) => [l.email.split('@')[0] ?? l.email, l.password] as const);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The URL with its password replaced by `***`, for printing. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL we can parse: print nothing of it rather than a secret.
    return '<unparseable url>';
  }
}
