import { existsSync } from 'node:fs';
import path from 'node:path';
import { NatsServerNotFoundError } from '@hub/dev-infra';
import type { StaticSite } from '@hub/dev-infra';
import { runMigrations } from '@hub/migrations';
import { DEMO_EMAIL_INBOX } from '@hub/demo-workspace';
import { prepareDemoWorkspace } from './demo-workspace';
import type { DemoWorkspace } from './demo-workspace';
import { demoShopHint, startDemoShop } from './demo-shop';
import { waitForReady } from './readiness';
import { inboxHint, loginsTable, mailHint, servicesTable, signInHint, visitorHint } from './report';
import type { ServiceStatus } from './report';
import { resolveInfrastructure } from './resolve-infrastructure';
import type { Infrastructure } from './resolve-infrastructure';
import {
  SERVICES,
  serviceOf,
  launchedServices,
  readinessUrl,
  selectServices,
  serviceEnv,
} from './services';
import type { LaunchedService } from './services';
import { Supervisor } from './supervisor';
import { loadSettings } from './settings';
import { demoLoginsPath, findRepoRoot, jwtSecret, redactUrl } from './state';
import { prepareStateDir } from './state-dir';

const READY_TIMEOUT_MS = 90_000;
const NAME_WIDTH = Math.max(...SERVICES.map((s) => s.name.length));

const say = (line = ''): void => {
  process.stdout.write(line ? `${'launcher'.padEnd(NAME_WIDTH)} | ${line}\n` : '\n');
};

// What is running, so that a signal or a failure at any step stops exactly that.
let infra: Infrastructure | undefined;
let supervisor: Supervisor | undefined;
let demoShop: StaticSite | undefined;
let stopping = false;

async function stopEverything(): Promise<void> {
  stopping = true;
  await demoShop?.close();
  if (supervisor) say('stopping services');
  await supervisor?.stop();
  if (infra) say('stopping infrastructure');
  await infra?.stop();
}

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  say(`${signal} received`);
  await stopEverything();
  say('stopped');
  process.exit(0);
}

function startServices(
  services: readonly LaunchedService[],
  root: string,
  dir: string,
  ready: Infrastructure,
  smtpPort: number,
): Supervisor {
  const secret = jwtSecret(dir);
  const logLevel = process.env.LOG_LEVEL ?? 'info';
  const env = {
    databaseUrl: ready.databaseUrl,
    natsUrl: ready.natsUrl,
    jwtSecret: secret,
    logLevel,
    smtpPort,
  };
  const started = new Supervisor(
    services.map((service) => ({
      name: service.name,
      command: process.execPath,
      args: ['--enable-source-maps', path.join(root, service.entry)],
      cwd: root,
      env: serviceEnv(service, { ...env, natsSeedFile: ready.natsSeedFiles?.[service.name] }),
    })),
    { color: process.stdout.isTTY, nameWidth: NAME_WIDTH },
  );
  started.start();
  return started;
}

function printSummary({
  statuses,
  demo,
  stateDir,
  launched,
  shopUrl,
  smtpPort,
}: {
  statuses: readonly ServiceStatus[];
  demo: DemoWorkspace;
  stateDir: string;
  launched: readonly LaunchedService[];
  shopUrl?: string;
  smtpPort: number;
}): void {
  say();
  for (const line of servicesTable(statuses)) say(line);
  say();
  say(inboxHint(serviceOf(launched, 'gateway').url));
  if (demo.logins) {
    say(`demo logins (kept in ${demoLoginsPath(stateDir)}):`);
    for (const line of loginsTable(demo.logins)) say(`  ${line}`);
    say(signInHint(serviceOf(launched, 'gateway').url));
  } else if (demo.note) {
    say(demo.note);
  }
  say(visitorHint(serviceOf(launched, 'connector-web').url, demo.webInboxId));
  if (statuses.some((s) => s.name === 'connector-email')) {
    say(mailHint(smtpPort, DEMO_EMAIL_INBOX.address));
  }
  if (shopUrl) say(demoShopHint(shopUrl));
  say();
  const allReady = statuses.every((s) => s.ready);
  say(
    `${allReady ? 'all services ready' : 'some services are NOT ready'}; Ctrl-C stops everything`,
  );
}

async function main(): Promise<void> {
  const root = findRepoRoot();
  const settings = loadSettings(root);
  const launched = launchedServices(settings.servicePortBase);
  const services = selectServices(process.argv.slice(2), launched);
  const missing = services.filter((s) => !existsSync(path.join(root, s.entry)));
  if (missing.length > 0) {
    throw new Error(
      `not built: ${missing.map((s) => s.entry).join(', ')}; run \`npm start\` (it builds first)`,
    );
  }
  const dir = prepareStateDir(settings.stateDir);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, (s) => void onSignal(s));

  infra = await resolveInfrastructure({ stateDir: dir, ports: settings.ports, log: say });
  say(`PostgreSQL (${infra.plan.postgres.source}): ${redactUrl(infra.databaseUrl)}`);
  say(`NATS (${infra.plan.nats.source}): ${infra.natsUrl}`);

  // The one place migrations run locally: before any service starts.
  const applied = await runMigrations(infra.databaseUrl);
  say(
    applied.length > 0
      ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'migrations up to date',
  );
  const demo = await prepareDemoWorkspace(infra.databaseUrl, dir);
  if (demo.created) say('created the demo workspace');
  if (stopping) return;

  supervisor = startServices(services, root, dir, infra, settings.smtpPort);
  const statuses = await Promise.all(
    services.map(async (service) => ({
      name: service.name,
      url: service.url,
      ready: await waitForReady(readinessUrl(service), {
        timeoutMs: READY_TIMEOUT_MS,
        cancelled: () => stopping,
      }),
    })),
  );
  const shopUrl = await serveDemoShop({ root, services, demo, port: settings.demoShopPort });
  if (!stopping)
    printSummary({
      statuses,
      demo,
      stateDir: dir,
      launched,
      shopUrl,
      smtpPort: settings.smtpPort,
    });
}

/** The demo shop, when connector-web (which serves the widget) is among the services started. */
async function serveDemoShop({
  root,
  services,
  demo,
  port,
}: {
  root: string;
  services: readonly LaunchedService[];
  demo: DemoWorkspace;
  port: number;
}): Promise<string | undefined> {
  const web = services.find((s) => s.name === 'connector-web');
  if (!web || stopping) return undefined;
  try {
    demoShop = await startDemoShop({ root, port, hubOrigin: web.url, inboxId: demo.webInboxId });
    return demoShop.url;
  } catch (error) {
    // The hub runs without it: a busy port must not take the services down.
    say(`demo shop not started on port ${port} (HUB_DEMO_SHOP_PORT): ${String(error)}`);
    return undefined;
  }
}

main().catch(async (error: unknown) => {
  if (error instanceof NatsServerNotFoundError) process.stderr.write(`\n${error.message}\n\n`);
  else
    process.stderr.write(
      `launcher | failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  await stopEverything().catch((stopError: unknown) => say(`while stopping: ${String(stopError)}`));
  process.exit(1);
});
