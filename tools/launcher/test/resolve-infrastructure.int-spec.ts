import { AuthorizationError, connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { findFreePort, isPortOpen } from '@hub/dev-infra';
import { testRunId, testServices } from '@hub/testing';
import {
  ensureDatabase,
  resolveDatabase,
  resolveInfrastructure,
  withDatabase,
} from '../src/resolve-infrastructure';
import { postgresDataDir } from '../src/state-dir';

jest.setTimeout(120_000);

async function currentDatabase(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ db: string }>('select current_database() as db')).rows[0].db;
  } finally {
    await client.end();
  }
}

describe('resolveInfrastructure', () => {
  let stateDir: string;
  beforeEach(() => {
    stateDir = mkdtempSync(path.join(tmpdir(), 'hub-launcher-'));
    chmodSync(stateDir, 0o755);
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('starts embedded PostgreSQL (with a hub database) and nats-server when nothing answers, and stops them', async () => {
    const ports = {
      localPostgres: await findFreePort(),
      localNats: await findFreePort(),
      embeddedPostgres: await findFreePort(),
    };
    const lines: string[] = [];
    const infra = await resolveInfrastructure({
      stateDir,
      env: { PATH: process.env.PATH },
      ports,
      log: (l) => lines.push(l),
    });
    try {
      expect(infra.plan.postgres.source).toBe('embedded');
      expect(infra.plan.nats.source).toBe('embedded');
      expect(infra.databaseUrl).toBe(
        `postgres://postgres:postgres@127.0.0.1:${ports.embeddedPostgres}/hub`,
      );
      expect(await currentDatabase(infra.databaseUrl)).toBe('hub');
      // The embedded NATS takes the default port when it is free.
      expect(infra.natsUrl).toBe(`nats://127.0.0.1:${ports.localNats}`);
      // It enforces the bus permissions: each service has its seed, and no one gets in without.
      const seedFile = infra.natsSeedFiles?.gateway ?? 'no seed file';
      const nc = await connect({
        servers: infra.natsUrl,
        authenticator: nkeyAuthenticator(
          new TextEncoder().encode(readFileSync(seedFile, 'utf8').trim()),
        ),
      });
      await nc.close();
      await expect(connect({ servers: infra.natsUrl })).rejects.toBeInstanceOf(AuthorizationError);
      expect(lines.join('\n')).toMatch(/starting embedded PostgreSQL/);
    } finally {
      await infra.stop();
    }
    expect(await isPortOpen('127.0.0.1', ports.embeddedPostgres)).toBe(false);
    expect(await isPortOpen('127.0.0.1', ports.localNats)).toBe(false);
  });

  // Root only: a user's own PostgreSQL runs as that user and reaches any directory they own.
  (process.getuid?.() === 0 ? it : it.skip)(
    'as root, keeps the embedded database outside a state directory the postgres user cannot reach',
    async () => {
      chmodSync(stateDir, 0o700);
      const hubDir = path.join(stateDir, '.hub');
      const dataDir = postgresDataDir(hubDir);
      expect(dataDir.startsWith('/var/tmp/')).toBe(true);
      const ports = {
        localPostgres: await findFreePort(),
        localNats: await findFreePort(),
        embeddedPostgres: await findFreePort(),
      };
      try {
        const database = await resolveDatabase({
          stateDir: hubDir,
          env: {},
          ports,
          log: () => undefined,
        });
        try {
          expect(await currentDatabase(database.databaseUrl)).toBe('hub');
          expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
        } finally {
          await database.stop();
        }
        expect(await isPortOpen('127.0.0.1', ports.embeddedPostgres)).toBe(false);
      } finally {
        rmSync(path.dirname(dataDir), { recursive: true, force: true });
      }
    },
  );

  it('uses DATABASE_URL and NATS_URL as given and starts nothing', async () => {
    const infra = await resolveInfrastructure({
      stateDir,
      env: { DATABASE_URL: testServices.databaseUrl, NATS_URL: testServices.natsUrl },
      log: () => undefined,
    });
    expect(infra.databaseUrl).toBe(testServices.databaseUrl);
    expect(infra.natsUrl).toBe(testServices.natsUrl);
    await infra.stop();
  });

  it('fails before starting anything when nats-server would be needed but is missing', async () => {
    const ports = {
      localPostgres: await findFreePort(),
      localNats: await findFreePort(),
      embeddedPostgres: await findFreePort(),
    };
    await expect(
      resolveInfrastructure({
        stateDir,
        env: { NATS_SERVER_BIN: '/nonexistent/nats-server' },
        ports,
        log: () => undefined,
      }),
    ).rejects.toThrow(/apt-get install nats-server/);
    expect(await isPortOpen('127.0.0.1', ports.embeddedPostgres)).toBe(false);
  });
});

describe('ensureDatabase', () => {
  it('creates the database when missing and is a no-op the second time', async () => {
    const name = `launcher_${testRunId()}`;
    const url = await ensureDatabase(testServices.databaseUrl, name);
    try {
      expect(url).toBe(withDatabase(testServices.databaseUrl, name));
      expect(await ensureDatabase(testServices.databaseUrl, name)).toBe(url);
      expect(await currentDatabase(url)).toBe(name);
    } finally {
      const admin = new Client({ connectionString: testServices.databaseUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${admin.escapeIdentifier(name)}`);
      await admin.end();
    }
  });
});
