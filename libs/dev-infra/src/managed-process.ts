import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  readonly pid: number | undefined;
  readonly child: ChildProcess;
  /** Resolves once the process has exited (never rejects). */
  readonly exited: Promise<ExitInfo>;
  /** Set once the process has exited. */
  exitInfo(): ExitInfo | undefined;
  /** The last lines it wrote (stdout and stderr), for error messages. */
  outputTail(): string;
  /** Sends `signal`, then SIGKILL if it is still running after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ExitInfo>;
}

export interface SpawnManagedOptions {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  /** Output is appended here as well as kept in the tail. */
  logFile?: string;
  /** Sent synchronously if this Node process exits while the child still runs. */
  signalOnParentExit?: NodeJS.Signals;
  tailLines?: number;
}

/**
 * Spawns a long-running helper (database, broker) in its own process group, so a Ctrl-C in
 * the terminal reaches only us and we can stop things in order, and kills it if we exit first.
 */
export function spawnManaged(opts: SpawnManagedOptions): ManagedProcess {
  const spawnOptions: SpawnOptions = {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...(opts.uid !== undefined ? { uid: opts.uid } : {}),
    ...(opts.gid !== undefined ? { gid: opts.gid } : {}),
  };
  const child = spawn(opts.command, [...opts.args], spawnOptions);
  const tail: string[] = [];
  const maxLines = opts.tailLines ?? 40;
  const log: WriteStream | undefined = opts.logFile
    ? createWriteStream(opts.logFile, { flags: 'a' })
    : undefined;
  const collect = (chunk: Buffer): void => {
    log?.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) tail.push(line);
    }
    if (tail.length > maxLines) tail.splice(0, tail.length - maxLines);
  };
  // Always drained: a full pipe would block the child.
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let info: ExitInfo | undefined;
  const onParentExit = (): void => {
    if (!info) child.kill(opts.signalOnParentExit ?? 'SIGKILL');
  };
  process.on('exit', onParentExit);

  const exited = new Promise<ExitInfo>((resolve) => {
    const finish = (exit: ExitInfo): void => {
      if (info) return;
      info = exit;
      process.removeListener('exit', onParentExit);
      log?.end();
      resolve(exit);
    };
    child.once('exit', (code, signal) => finish({ code, signal }));
    // spawn failures (ENOENT, EACCES) arrive as 'error' without an 'exit'.
    child.once('error', (error) => {
      tail.push(`spawn failed: ${error.message}`);
      finish({ code: null, signal: null });
    });
  });

  return {
    get pid() {
      return child.pid;
    },
    child,
    exited,
    exitInfo: () => info,
    outputTail: () => tail.join('\n'),
    async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 10_000) {
      if (info) return info;
      child.kill(signal);
      const timer = setTimeout(() => {
        if (!info) child.kill('SIGKILL');
      }, timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export function describeExit(exit: ExitInfo): string {
  return exit.signal ? `killed by ${exit.signal}` : `exited with code ${String(exit.code)}`;
}
