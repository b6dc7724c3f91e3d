import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

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
