// Gives a demo agent a new password and prints it: the way back in when the passwords printed
// at creation are lost (the database keeps hashes only).
//   npm run demo:password -- alice@demo.local
// It finds the hub's database as `npm start` does, and works beside a running launcher.
import { DemoAgentNotFoundError } from '@hub/demo-workspace';
import { resetDemoLogin } from './demo-workspace';
import { loginsTable, signInHint } from './report';
import { resolveDatabase } from './resolve-infrastructure';
import { launchedServices, serviceOf } from './services';
import { loadSettings } from './settings';
import { demoLoginsPath, findRepoRoot } from './state';
import { prepareStateDir } from './state-dir';

/** A mistake the message explains in full: no stack trace. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [email, ...rest] = argv;
  if (!email || rest.length > 0 || !email.includes('@'))
    throw new UsageError('usage: npm run demo:password -- <email>, e.g. alice@demo.local');
  const settings = loadSettings(findRepoRoot());
  const stateDir = prepareStateDir(settings.stateDir);
  const database = await resolveDatabase({
    stateDir,
    ports: settings.ports,
    log: (line) => console.log(line),
  });
  try {
    const login = await resetDemoLogin(database.databaseUrl, stateDir, email);
    console.log(`new password for ${login.email} (kept in ${demoLoginsPath(stateDir)}):`);
    for (const line of loginsTable([login])) console.log(`  ${line}`);
    console.log(signInHint(serviceOf(launchedServices(settings.servicePortBase), 'gateway').url));
  } finally {
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const detail =
      error instanceof UsageError || error instanceof DemoAgentNotFoundError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    console.error(`demo:password failed: ${detail}`);
    process.exit(1);
  },
);
