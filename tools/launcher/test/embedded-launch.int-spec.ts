import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { METRICS_PORT_OFFSET } from '@hub/config';
import { findFreePort, isPortFree, isPortOpen } from '@hub/dev-infra';
import { waitFor } from '@hub/testing';
import { findRepoRoot } from '../src/state';
import type { DemoLoginsFile } from '../src/state';

// The path a fresh machine takes: nothing answers where the launcher looks for PostgreSQL and
// NATS, so it starts its own (as root here: PostgreSQL then runs as the `postgres` user, which
// must reach its data directory inside the launcher's state directory). It runs the built
// launcher, as `npm start` does, on ports of its own.
jest.setTimeout(240_000);

const root = findRepoRoot(__dirname);
const launcherEntry = path.join(root, 'dist', 'tools', 'launcher', 'src', 'main.js');
const demoPasswordEntry = path.join(
  root,
  'dist',
  'tools',
  'launcher',
  'src',
  'demo-password.main.js',
);
const SERVICE_COUNT = 7;

/**
 * `count` consecutive free ports, for the services (the gateway's, then the others'), whose
 * metrics ports (each PORT + 1000) are free too.
 */
async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const first = await findFreePort();
    if (first + METRICS_PORT_OFFSET + count > 65_535) continue;
    const rest = await Promise.all([
      ...Array.from({ length: count - 1 }, (_, i) => isPortFree(first + 1 + i)),
      ...Array.from({ length: count }, (_, i) => isPortFree(first + METRICS_PORT_OFFSET + i)),
    ]);
    if (rest.every(Boolean)) return first;
  }
  throw new Error(`no run of ${count} free ports found`);
}

/**
 * A free port none of `taken` (each added to it): the ports are picked before anything listens
 * on them, so the picks must not overlap (a NATS port inside the services' run was seen).
 */
async function distinctFreePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = await findFreePort();
    if (taken.has(port)) continue;
    taken.add(port);
    return port;
  }
}

/** The machine's environment without anything that would point the launcher at its servers. */
function isolatedEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('HUB_') || ['DATABASE_URL', 'NATS_URL', 'JWT_SECRET'].includes(name))
      delete env[name];
  }
  return { ...env, ...settings, LOG_LEVEL: 'warn' };
}

const modeOf = (file: string): number => statSync(file).mode & 0o777;

describe('npm start on a machine with no PostgreSQL or NATS running', () => {
  let base: string;
  let stateDir: string;
  let env: NodeJS.ProcessEnv;
  let ports: {
    postgres: number;
    embeddedPostgres: number;
    nats: number;
    services: number;
    demoShop: number;
    smtp: number;
  };
  let launcher: ChildProcess | undefined;
  let output = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    if (!existsSync(launcherEntry))
      throw new Error(`${launcherEntry} is missing: run \`npm run build\` first`);
    // A checkout's directory is world-searchable; the launcher makes its own state directory.
    base = mkdtempSync(path.join(tmpdir(), 'hub-launch-'));
    chmodSync(base, 0o755);
    stateDir = path.join(base, '.hub');
    const services = await freePortRun(SERVICE_COUNT);
    const taken = new Set(
      Array.from({ length: SERVICE_COUNT }, (_, i) => [
        services + i,
        services + METRICS_PORT_OFFSET + i,
      ]).flat(),
    );
    ports = {
      postgres: await distinctFreePort(taken),
      embeddedPostgres: await distinctFreePort(taken),
      nats: await distinctFreePort(taken),
      services,
      demoShop: await distinctFreePort(taken),
      smtp: await distinctFreePort(taken),
    };
    env = isolatedEnv({
      HUB_STATE_DIR: stateDir,
      HUB_POSTGRES_PORT: String(ports.postgres),
      HUB_EMBEDDED_POSTGRES_PORT: String(ports.embeddedPostgres),
      HUB_NATS_PORT: String(ports.nats),
      HUB_SERVICE_PORT_BASE: String(ports.services),
      HUB_DEMO_SHOP_PORT: String(ports.demoShop),
      HUB_SMTP_PORT: String(ports.smtp),
    });
    launcher = spawn(process.execPath, [launcherEntry], { cwd: root, env });
    launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const child = launcher;
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  });

  afterAll(async () => {
    // A test that failed before stopping it: stop it the same way, so nothing is left running.
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGINT');
      await exited;
    }
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('starts embedded PostgreSQL and nats-server and brings every service up', async () => {
    await waitFor(
      () => output.includes('all services ready') || launcher?.exitCode !== null,
      180_000,
      () => `launcher output so far:\n${output}`,
    );
    expect(output).toContain('all services ready');
    expect(output).toMatch(
      new RegExp(
        `PostgreSQL \\(embedded\\): postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${ports.embeddedPostgres}/hub`,
      ),
    );
    expect(output).toContain(`NATS (embedded): nats://127.0.0.1:${ports.nats}`);
    expect(output).toContain(`mail in: SMTP on 127.0.0.1:${ports.smtp}`);
  });

  it('keeps secrets private while PostgreSQL owns and reaches its data directory', () => {
    const privateDir = path.join(stateDir, 'private');
    expect(modeOf(stateDir)).toBe(0o711);
    expect(modeOf(privateDir)).toBe(0o700);
    expect(modeOf(path.join(privateDir, 'jwt-secret'))).toBe(0o600);
    expect(modeOf(path.join(privateDir, 'demo-logins.json'))).toBe(0o600);
    expect(modeOf(path.join(privateDir, 'nats-keys', 'gateway.seed'))).toBe(0o600);
    const data = statSync(path.join(stateDir, 'postgres'));
    expect(data.mode & 0o777).toBe(0o700);
    // As root, PostgreSQL refuses to run as root: its data belongs to the user it runs as.
    if (process.getuid?.() === 0) expect(data.uid).not.toBe(0);
  });

  it('signs in with a demo login it printed, and with one reset while it runs', async () => {
    const kept = JSON.parse(
      readFileSync(path.join(stateDir, 'private', 'demo-logins.json'), 'utf8'),
    ) as DemoLoginsFile;
    const alice = kept.logins.find((login) => login.email === 'alice@demo.local')!;
    expect(output).toContain(alice.password);
    const signIn = (email: string, password: string) =>
      fetch(`http://127.0.0.1:${ports.services}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspace: 'demo', email, password }),
      });
    const response = await signIn(alice.email, alice.password);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accessToken?: unknown };
    expect(typeof body.accessToken).toBe('string');

    // The command finds the launcher's running embedded PostgreSQL through the same settings.
    const reset = spawn(process.execPath, [demoPasswordEntry, 'alice@demo.local'], {
      cwd: root,
      env,
    });
    let printed = '';
    reset.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    reset.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => reset.once('exit', resolve));
    expect({ code, printed }).toEqual({ code: 0, printed });
    const password = /alice@demo\.local\s+([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})/.exec(printed)?.[1];
    expect(password).toBeDefined();
    expect((await signIn(alice.email, password!)).status).toBe(200);
    expect((await signIn(alice.email, alice.password)).status).toBe(401);
  });

  it('serves the demo shop it printed, each page embedding the widget for the demo web inbox', async () => {
    const shop = `http://localhost:${ports.demoShop}`;
    expect(output).toContain(`Demo shop: ${shop}/`);
    const inboxId = /"inboxId":"([0-9a-f-]{36})"/.exec(output)?.[1];
    expect(inboxId).toBeDefined();
    for (const page of ['/', '/en/index.html', '/ja/product.html']) {
      const response = await fetch(`${shop}${page}`);
      expect([page, response.status]).toEqual([page, 200]);
      expect(await response.text()).toContain(
        `<script async src="http://127.0.0.1:${ports.services + 1}/widget.js" data-inbox="${inboxId}"></script>`,
      );
    }
  });

  it('stops everything it started on Ctrl-C', async () => {
    launcher!.kill('SIGINT');
    await expect(exited).resolves.toBe(0);
    expect(output).toMatch(/launcher\s+\| stopped/);
    for (const port of [ports.embeddedPostgres, ports.nats, ports.services])
      expect([port, await isPortOpen('127.0.0.1', port)]).toEqual([port, false]);
    expect(await isPortOpen('localhost', ports.demoShop)).toBe(false);
  });
});
