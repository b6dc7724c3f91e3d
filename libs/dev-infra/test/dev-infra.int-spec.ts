import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { findFreePort, isPortOpen, startEmbeddedPostgres, startNatsServer } from '../src';

jest.setTimeout(120_000);

let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'hub-dev-infra-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter this directory.
  chmodSync(workDir, 0o755);
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startNatsServer', () => {
  it('keeps JetStream streams and the port across restart, and closes the port on stop', async () => {
    const nats = await startNatsServer({
      storeDir: path.join(workDir, 'nats'),
      logFile: path.join(workDir, 'nats.log'),
    });
    try {
      expect(nats.url).toBe(`nats://127.0.0.1:${nats.port}`);
      let nc = await connect({ servers: nats.url });
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'DEVINFRA', subjects: ['devinfra.>'] });
      await jetstream(nc).publish('devinfra.one', 'kept');
      await nc.close();

      await nats.restart();

      nc = await connect({ servers: nats.url });
      const info = await (await jetstreamManager(nc)).streams.info('DEVINFRA');
      expect(info.state.messages).toBe(1);
      await nc.close();
    } finally {
      await nats.stop();
    }
    expect(await isPortOpen('127.0.0.1', nats.port)).toBe(false);
  });

  it('restarts after a crash (SIGKILL) on the same port', async () => {
    const nats = await startNatsServer({ storeDir: path.join(workDir, 'nats-crash') });
    try {
      await nats.stop('SIGKILL');
      expect(await isPortOpen('127.0.0.1', nats.port)).toBe(false);
      await nats.restart();
      expect(await isPortOpen('127.0.0.1', nats.port)).toBe(true);
    } finally {
      await nats.stop();
    }
  });

  it('refuses a port that is already taken', async () => {
    const nats = await startNatsServer({ storeDir: path.join(workDir, 'nats-a') });
    try {
      await expect(
        startNatsServer({ port: nats.port, storeDir: path.join(workDir, 'nats-b') }),
      ).rejects.toThrow(/already in use/);
    } finally {
      await nats.stop();
    }
  });
});

describe('startEmbeddedPostgres', () => {
  it('initialises once, keeps data and port across restart and crash, and stops', async () => {
    const dataDir = path.join(workDir, 'pg');
    const port = await findFreePort();
    const pg = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(pg.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
      await query(pg.url, 'create table kept (v text); insert into kept values ($$before$$)');

      await pg.restart();
      await query(pg.url, 'insert into kept values ($$after restart$$)');

      await pg.stop('immediate');
      expect(await isPortOpen('127.0.0.1', port)).toBe(false);
      await pg.restart();

      const rows = await query<{ v: string }>(pg.url, 'select v from kept order by v');
      expect(rows.map((r) => r.v)).toEqual(['after restart', 'before']);
    } finally {
      await pg.stop();
    }
    expect(await isPortOpen('127.0.0.1', port)).toBe(false);

    // A second start on the same directory reuses the cluster instead of running initdb.
    const again = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await query(again.url, 'select count(*)::int as n from kept')).toEqual([{ n: 2 }]);
    } finally {
      await again.stop();
    }
  });
});
