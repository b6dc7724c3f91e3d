import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { findFreePort, isPortOpen, waitForPort } from './ports';

function listen(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.destroy());
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('ports', () => {
  it('finds a free port that isPortOpen reports closed, then open once something listens', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortOpen('127.0.0.1', port)).toBe(false);
    const server = await listen(port);
    try {
      expect(await isPortOpen('127.0.0.1', port)).toBe(true);
      await expect(waitForPort('127.0.0.1', port, { timeoutMs: 1_000 })).resolves.toBeUndefined();
    } finally {
      server.close();
    }
  });

  it('gives up waiting after the timeout, or at once when told to abort', async () => {
    const port = await findFreePort();
    await expect(waitForPort('127.0.0.1', port, { timeoutMs: 300 })).rejects.toThrow(
      /within 300 ms/,
    );
    await expect(
      waitForPort('127.0.0.1', port, { timeoutMs: 10_000, abort: () => 'process exited' }),
    ).rejects.toThrow(/process exited/);
  });
});
