import { seedDemoWorkspace } from '@hub/demo-workspace';
import { demoLoginsPath, keptPasswords, readDemoLogins, redactUrl, writeDemoLogins } from './state';
import type { DemoLoginRecord } from './state';

type SeedPasswords = NonNullable<NonNullable<Parameters<typeof seedDemoWorkspace>[1]>['passwords']>;

export interface DemoWorkspace {
  created: boolean;
  /** Undefined when the workspace existed before and its passwords are not kept here. */
  logins?: DemoLoginRecord[];
  note?: string;
}

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
    return { created: true, logins };
  }
  if (kept && kept.workspaceId === result.workspaceId)
    return { created: false, logins: kept.logins };
  return {
    created: false,
    note:
      'the demo workspace already existed in this database; its passwords were printed when it was ' +
      `created and are not in ${demoLoginsPath(stateDir)}`,
  };
}
