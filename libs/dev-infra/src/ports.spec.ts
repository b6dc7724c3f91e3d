import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { findFreePort, isPortOpen, portRange, waitForPort } from './ports';

function listen(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.destroy());
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('ports', () => {
  it('gives parallel jest workers bands of ports that do not overlap', () => {
    const bands = ['1', '2', '3', '4'].map((worker) => portRange(worker));
    for (const [i, band] of bands.entries()) {
      expect(band.lowest).toBeLessThanOrEqual(band.highest);
      if (i > 0) expect(band.lowest).toBeGreaterThan(bands[i - 1].highest);
    }
    // Outside jest (npm start), the whole range below the ephemeral ports.
    expect(portRange('')).toEqual({ lowest: 20_000, highest: 32_767 });
  });

  it("hands out ports of its own worker's band", async () => {
    const { lowest, highest } = portRange();
    const port = await findFreePort();
    expect(port).toBeGreaterThanOrEqual(lowest);
    expect(port).toBeLessThanOrEqual(highest);
  });

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

  it('picks ports below the ephemeral range, never the same one twice', async () => {
    const ports = await Promise.all(Array.from({ length: 50 }, () => findFreePort()));
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(32_768);
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
