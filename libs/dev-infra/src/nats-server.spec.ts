import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NatsServerNotFoundError, findNatsServerBinary, startNatsServer } from './nats-server';

describe('nats-server lookup', () => {
  const saved = process.env.NATS_SERVER_BIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.NATS_SERVER_BIN;
    else process.env.NATS_SERVER_BIN = saved;
  });

  it('finds nothing when NATS_SERVER_BIN points at a missing file', () => {
    expect(findNatsServerBinary({ NATS_SERVER_BIN: '/nonexistent/nats-server' })).toBeUndefined();
  });

  it('tells exactly how to install nats-server when the binary is missing', async () => {
    process.env.NATS_SERVER_BIN = '/nonexistent/nats-server';
    const storeDir = mkdtempSync(path.join(tmpdir(), 'hub-nats-missing-'));
    try {
      const attempt = startNatsServer({ storeDir });
      await expect(attempt).rejects.toBeInstanceOf(NatsServerNotFoundError);
      await expect(attempt).rejects.toThrow(/apt-get install nats-server/);
      await expect(attempt).rejects.toThrow(/brew install nats-server/);
      await expect(attempt).rejects.toThrow(/github\.com\/nats-io\/nats-server\/releases/);
    } finally {
      rmSync(storeDir, { recursive: true, force: true });
    }
  });
});
