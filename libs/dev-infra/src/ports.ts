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

// Ports are picked below the operating systems' ephemeral ranges (Linux 32768–60999, macOS and
// Windows 49152–65535). The OS hands out ephemeral ports for every outgoing connection and every
// bind to port 0 (a service's metrics port, a browser), so a port it picked for us could be taken
// by one of those before our service binds it; below the range, only another explicit bind can.
const LOWEST_PORT = 20_000;
const HIGHEST_PORT = 32_767;
const ATTEMPTS = 200;

// Never hand the same port out twice in one process: the first taker may not have bound it yet.
const handedOut = new Set<number>();

// Parallel jest workers are separate processes, each with its own `handedOut`: two of them could
// pick the same port before either binds it. Each worker picks from a band of its own instead.
const WORKER_BANDS = 4;

/** The ports this process may hand out: its jest worker's band, or the whole range. */
export function portRange(workerId = process.env.JEST_WORKER_ID): {
  lowest: number;
  highest: number;
} {
  const worker = Number(workerId);
  if (!Number.isInteger(worker) || worker < 1)
    return { lowest: LOWEST_PORT, highest: HIGHEST_PORT };
  const width = Math.floor((HIGHEST_PORT - LOWEST_PORT + 1) / WORKER_BANDS);
  const lowest = LOWEST_PORT + ((worker - 1) % WORKER_BANDS) * width;
  return { lowest, highest: lowest + width - 1 };
}

/** A TCP port on `host` that is free now and outside the OS's ephemeral range. */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  const { lowest, highest } = portRange();
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = lowest + Math.floor(Math.random() * (highest - lowest + 1));
    if (handedOut.has(port) || !(await isPortFree(port, host))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port between ${lowest} and ${highest} after ${ATTEMPTS} tries`);
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
