import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { LineSplitter, formatChildLine } from './log-format';

export interface ChildSpec {
  name: string;
  command: string;
  args: readonly string[];
  /** Added to the launcher's own environment. */
  env?: Record<string, string>;
  cwd?: string;
}

export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** A child that ran this long before crashing starts again after the initial delay. */
  stableAfterMs: number;
  /** Gives up after this many crashes in a row (unlimited when absent). */
  maxConsecutiveCrashes?: number;
}

export type SupervisorEvent =
  | { type: 'started'; name: string; pid: number | undefined; attempt: number }
  | {
      type: 'crashed';
      name: string;
      code: number | null;
      signal: NodeJS.Signals | null;
      restartInMs?: number;
    }
  | { type: 'gave-up'; name: string; crashes: number }
  | {
      type: 'stopped';
      name: string;
      code: number | null;
      signal: NodeJS.Signals | null;
      killed: boolean;
    };

export interface SupervisorOptions {
  /** Where prefixed output lines go (default stdout). */
  write?: (line: string) => void;
  color?: boolean;
  /** `false`: a crashed child stays down. */
  restart?: RestartPolicy | false;
  /** How long SIGTERM may take before SIGKILL. */
  stopTimeoutMs?: number;
  onEvent?: (event: SupervisorEvent) => void;
  /** Width of the name column (default: the longest name). */
  nameWidth?: number;
}

export const DEFAULT_RESTART: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 30_000,
};

/** Backoff before the next start after `crashes` crashes in a row (1, 2, 4 ... capped). */
export function restartDelay(policy: RestartPolicy, crashes: number): number {
  return Math.min(policy.initialDelayMs * 2 ** Math.max(0, crashes - 1), policy.maxDelayMs);
}

export type ChildState = 'starting' | 'running' | 'waiting-to-restart' | 'failed' | 'stopped';

interface Slot {
  spec: ChildSpec;
  index: number;
  state: ChildState;
  child?: ChildProcess;
  exited?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  startedAt: number;
  attempt: number;
  crashes: number;
  timer?: NodeJS.Timeout;
}

/** Runs child processes, prefixes their output with their names, restarts the ones that crash. */
export class Supervisor {
  private readonly slots: Slot[];
  private readonly width: number;
  private stopping = false;
  private readonly killAllOnExit = (): void => {
    for (const slot of this.slots) slot.child?.kill('SIGTERM');
  };

  constructor(
    specs: readonly ChildSpec[],
    private readonly opts: SupervisorOptions = {},
  ) {
    this.slots = specs.map((spec, index) => ({
      spec,
      index,
      state: 'stopped',
      startedAt: 0,
      attempt: 0,
      crashes: 0,
    }));
    this.width = opts.nameWidth ?? Math.max(8, ...specs.map((s) => s.name.length));
  }

  /** Starts every child. */
  start(): void {
    process.on('exit', this.killAllOnExit);
    for (const slot of this.slots) this.launch(slot);
  }

  state(name: string): ChildState | undefined {
    return this.slots.find((s) => s.spec.name === name)?.state;
  }

  pid(name: string): number | undefined {
    return this.slots.find((s) => s.spec.name === name)?.child?.pid;
  }

  /** Writes a line under the launcher's own prefix, aligned with the children's. */
  say(message: string, name = 'launcher'): void {
    for (const line of message.split('\n')) {
      this.write(`${name.padEnd(this.width)} | ${line}`);
    }
  }

  /** SIGTERM to every child, then SIGKILL to those still running after the timeout. */
  async stop(): Promise<void> {
    this.stopping = true;
    const timeoutMs = this.opts.stopTimeoutMs ?? 10_000;
    await Promise.all(
      this.slots.map(async (slot) => {
        clearTimeout(slot.timer);
        const { child, exited } = slot;
        if (!child || !exited || slot.state === 'stopped' || slot.state === 'failed') {
          slot.state = 'stopped';
          return;
        }
        child.kill('SIGTERM');
        let killed = false;
        const timer = setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, timeoutMs);
        const exit = await exited;
        clearTimeout(timer);
        slot.state = 'stopped';
        this.emit({ type: 'stopped', name: slot.spec.name, ...exit, killed });
      }),
    );
    process.removeListener('exit', this.killAllOnExit);
  }

  private write(line: string): void {
    if (this.opts.write) this.opts.write(line);
    else process.stdout.write(`${line}\n`);
  }

  private emit(event: SupervisorEvent): void {
    this.opts.onEvent?.(event);
  }

  private launch(slot: Slot): void {
    const { spec } = slot;
    slot.attempt += 1;
    slot.state = 'starting';
    slot.startedAt = Date.now();
    // Own process group: a terminal Ctrl-C reaches only the launcher, which then stops
    // the children in order instead of all of them dying at once.
    const child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    slot.child = child;
    const format = { width: this.width, color: this.opts.color ?? false, index: slot.index };
    for (const stream of [child.stdout, child.stderr]) {
      const splitter = new LineSplitter();
      const print = (lines: string[]): void => {
        for (const line of lines)
          for (const out of formatChildLine(spec.name, line, format)) this.write(out);
      };
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => print(splitter.push(chunk)));
      stream?.on('end', () => print(splitter.flush()));
    }
    slot.exited = new Promise((resolve) => {
      let done = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (done) return;
        done = true;
        resolve({ code, signal });
        if (!this.stopping) this.onCrash(slot, code, signal);
      };
      child.once('exit', finish);
      child.once('error', (error) => {
        this.say(`cannot start: ${error.message}`, spec.name);
        finish(null, null);
      });
    });
    if (child.pid !== undefined) slot.state = 'running';
    this.emit({ type: 'started', name: spec.name, pid: child.pid, attempt: slot.attempt });
  }

  private onCrash(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    const { name } = slot.spec;
    const policy = this.opts.restart === undefined ? DEFAULT_RESTART : this.opts.restart;
    const ranFor = Date.now() - slot.startedAt;
    slot.crashes = policy && ranFor >= policy.stableAfterMs ? 1 : slot.crashes + 1;
    const how = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`;
    if (
      !policy ||
      (policy.maxConsecutiveCrashes !== undefined && slot.crashes >= policy.maxConsecutiveCrashes)
    ) {
      slot.state = 'failed';
      this.say(
        `${name} ${how}; not restarting it${policy ? ` after ${slot.crashes} crashes in a row` : ''}`,
      );
      this.emit({ type: 'crashed', name, code, signal });
      if (policy) this.emit({ type: 'gave-up', name, crashes: slot.crashes });
      return;
    }
    const restartInMs = restartDelay(policy, slot.crashes);
    slot.state = 'waiting-to-restart';
    this.say(`${name} ${how}; restarting in ${(restartInMs / 1000).toFixed(1)} s`);
    this.emit({ type: 'crashed', name, code, signal, restartInMs });
    slot.timer = setTimeout(() => {
      if (!this.stopping) this.launch(slot);
    }, restartInMs);
  }
}
