import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

export interface ServiceProcessOptions {
  name: string;
  port: number;
  env: Record<string, string>;
}

// Any free port: many services start side by side, so PORT + 1000 could be taken. The service
// logs the port it got (`metricsPort`), which `metricsUrl()` reads.
const EPHEMERAL_METRICS_PORT = '0';

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * How long a started process may take to become ready. A service booting beside others on a
 * loaded two-core machine can take well over 30 s; the on-demand load and fault runs
 * (tests/e2e/faults/run.mjs) allow longer.
 */
const READY_TIMEOUT_MS = Number(process.env.HUB_READY_TIMEOUT_MS ?? 90_000);

/**
 * One hub service running as a real process from the build output (`dist/`), with its JSON log
 * lines kept for assertions. Tests use it to send real signals: SIGTERM, kill -9.
 */
export class ServiceProcess {
  readonly logs: LogLine[] = [];
  readonly stderr: string[] = [];
  private child?: ChildProcess;
  private exit?: Promise<number | null>;

  constructor(private readonly options: ServiceProcessOptions) {}

  get name(): string {
    return this.options.name;
  }

  /** The running process's id (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  start(): this {
    const entry = path.join(repoRoot, 'dist/apps', this.options.name, 'src/main.js');
    const child = spawn(process.execPath, [entry], {
      cwd: repoRoot,
      env: {
        ...process.env,
        METRICS_PORT: EPHEMERAL_METRICS_PORT,
        ...this.options.env,
        PORT: String(this.options.port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exit = once(child, 'exit').then(([code]) => code as number | null);
    createInterface({ input: child.stdout }).on('line', (line) => this.logs.push(parseLine(line)));
    createInterface({ input: child.stderr }).on('line', (line) => this.stderr.push(line));
    return this;
  }

  /** Resolves with the exit code (null when killed by a signal). */
  exited(): Promise<number | null> {
    if (!this.exit) throw new Error(`${this.name} was never started`);
    return this.exit;
  }

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.running) return this.child?.exitCode ?? null;
    this.child!.kill(signal);
    return this.exited();
  }

  /** Sends a signal without waiting for an exit: SIGSTOP and SIGCONT freeze and thaw it. */
  signal(signal: NodeJS.Signals): void {
    if (!this.running) throw new Error(`${this.name} is not running`);
    this.child!.kill(signal);
  }

  async readiness(): Promise<{ status: number; body: unknown }> {
    try {
      const response = await fetch(`${this.url}/health/ready`, {
        signal: AbortSignal.timeout(2_000),
      });
      return { status: response.status, body: await response.json() };
    } catch (error) {
      return { status: 0, body: String(error) };
    }
  }

  /** Where this process serves `/metrics` (its internal port), once it has said so. */
  async metricsUrl(): Promise<string> {
    const line = await this.waitForLog((l) => typeof l.metricsPort === 'number');
    return `http://127.0.0.1:${line.metricsPort as number}/metrics`;
  }

  async waitUntilReady(expected = true, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    await waitFor(
      async () => {
        // A process that exited (a missing build, a bad env) never becomes ready: say so at once.
        if (expected && !this.running) {
          throw new Error(
            `${this.name} exited (code ${String(this.child?.exitCode)}) before it was ready; stderr:\n${this.stderr.slice(-20).join('\n')}`,
          );
        }
        return ((await this.readiness()).status === 200) === expected;
      },
      timeoutMs,
      () =>
        `${this.name} did not become ${expected ? 'ready' : 'unready'}; last logs:\n${this.tail()}`,
    );
  }

  async waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine> {
    let found: LogLine | undefined;
    await waitFor(
      () => (found = this.logs.find(predicate)) !== undefined,
      timeoutMs,
      () => `${this.name} never logged the expected line; last logs:\n${this.tail()}`,
    );
    return found!;
  }

  tail(lines = 15): string {
    const out = this.logs.slice(-lines).map((line) => JSON.stringify(line));
    return [...out, ...this.stderr.slice(-lines)].join('\n');
  }
}

function parseLine(line: string): LogLine {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return { msg: line, level: 'raw' };
  }
}

/** Polls `condition` every 100 ms until true; fails with `describe()` after `timeoutMs`. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  describe: () => string = () => 'condition not met',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${describe()}`);
    await sleep(100);
  }
}
