import { resetDemoPassword, seedDemoWorkspace } from '@hub/demo-workspace';
import { readDemoLogins, keptPasswords, redactUrl, writeDemoLogins } from './state';
import type { DemoLoginRecord } from './state';

type SeedPasswords = NonNullable<NonNullable<Parameters<typeof seedDemoWorkspace>[1]>['passwords']>;

export interface DemoWorkspace {
  created: boolean;
  webInboxId: string;
  /** Undefined when the workspace existed before and its passwords are not kept here. */
  logins?: DemoLoginRecord[];
  note?: string;
}

/** The command that prints a new password for a demo agent (package.json `demo:password`). */
export const RESET_PASSWORD_COMMAND = 'npm run demo:password --';

/**
 * Seeds the demo workspace (a no-op when it exists) and keeps its logins in `.hub/`, so later
 * runs print them again; a fresh database gets the passwords kept from an earlier one.
 */
export async function prepareDemoWorkspace(
  databaseUrl: string,
  stateDir: string,
): Promise<DemoWorkspace> {
  const kept = readDemoLogins(stateDir);
  const passwords = keptPasswords(kept) as SeedPasswords | undefined;
  const result = await seedDemoWorkspace(databaseUrl, passwords ? { passwords } : {});
  if (result.created) {
    const logins = result.logins.map(({ role, name, email, password }) => ({
      role: String(role),
      name,
      email,
      password,
    }));
    writeDemoLogins(stateDir, {
      workspaceId: result.workspaceId,
      database: redactUrl(databaseUrl),
      logins,
    });
    return { created: true, webInboxId: result.webInboxId, logins };
  }
  if (kept && kept.workspaceId === result.workspaceId)
    return { created: false, webInboxId: result.webInboxId, logins: kept.logins };
  // The database holds password hashes only: a lost password is replaced, never recovered.
  return {
    created: false,
    webInboxId: result.webInboxId,
    note:
      'the demo workspace already existed in this database and its passwords are not kept here; ' +
      `get a new one for any demo login: ${RESET_PASSWORD_COMMAND} alice@demo.local ` +
      '(or admin@demo.local, bob@demo.local)',
  };
}

/**
 * Gives the demo agent `email` a new password and keeps it in `.hub/` beside the others of the
 * same workspace, so the next `npm start` prints it again.
 */
export async function resetDemoLogin(
  databaseUrl: string,
  stateDir: string,
  email: string,
): Promise<DemoLoginRecord> {
  const { workspaceId, login } = await resetDemoPassword(databaseUrl, email);
  const record = { ...login, role: String(login.role) };
  const kept = readDemoLogins(stateDir);
  const logins = kept?.workspaceId === workspaceId ? kept.logins : [];
  writeDemoLogins(stateDir, {
    workspaceId,
    database: redactUrl(databaseUrl),
    logins: logins.some((l) => l.email === record.email)
      ? logins.map((l) => (l.email === record.email ? record : l))
      : [...logins, record],
  });
  return record;
}
