import { createConnection, createServer } from 'node:net';

/** True when something accepts a TCP connection on host:port within timeoutMs. */
export function isPortOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

export interface WaitForPortOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Checked between attempts: a reason to stop waiting early (e.g. the process exited). */
  abort?: () => string | undefined;
}

/** Polls until host:port accepts connections; rejects after timeoutMs (default 15 s). */
export async function waitForPort(
  host: string,
  port: number,
  { timeoutMs = 15_000, intervalMs = 100, abort }: WaitForPortOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = abort?.();
    if (reason) throw new Error(`stopped waiting for ${host}:${port}: ${reason}`);
    if (await isPortOpen(host, port, Math.min(500, timeoutMs))) return;
    if (Date.now() >= deadline) {
      throw new Error(`nothing accepted connections on ${host}:${port} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** True when this process could listen on host:port right now. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
