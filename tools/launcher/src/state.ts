import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { privateDir } from './state-dir';

/** The repository root: the nearest ancestor holding deploy/build.mjs (works from src and dist). */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'deploy', 'build.mjs'))) return dir;
    if (dir === path.dirname(dir))
      throw new Error(`no repository root (deploy/build.mjs) above ${from}`);
  }
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
