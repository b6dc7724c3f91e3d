import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describeExit, spawnManaged } from './managed-process';
import type { ManagedProcess } from './managed-process';
import { findFreePort, isPortOpen, waitForPort } from './ports';

export const NATS_INSTALL_HELP = [
  'nats-server was not found (looked on PATH, in /usr/sbin and /usr/local/sbin, and $NATS_SERVER_BIN).',
  'Install it, then run again:',
  '  Debian/Ubuntu:  sudo apt-get install nats-server',
  '  macOS:          brew install nats-server',
  '  anywhere else:  download the release binary from https://github.com/nats-io/nats-server/releases',
  '                  and put it on your PATH (or point NATS_SERVER_BIN at it).',
  'Or point NATS_URL at a NATS server with JetStream enabled.',
].join('\n');

export class NatsServerNotFoundError extends Error {
  constructor() {
    super(NATS_INSTALL_HELP);
    this.name = 'NatsServerNotFoundError';
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    // Not there or not executable: keep looking.
    return false;
  }
}

/** The nats-server binary: $NATS_SERVER_BIN, then PATH, then the sbin directories. */
export function findNatsServerBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NATS_SERVER_BIN)
    return isExecutable(env.NATS_SERVER_BIN) ? env.NATS_SERVER_BIN : undefined;
  const dirs = [...(env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, 'nats-server');
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export interface StartNatsServerOptions {
  /** Defaults to a free port. */
  port?: number;
  /** JetStream store; reused on restart so streams survive. */
  storeDir: string;
  /** nats-server's own log file (-l); without it the output is only kept for error messages. */
  logFile?: string;
  host?: string;
  startTimeoutMs?: number;
  /** The nats-server binary; looked up with findNatsServerBinary() when absent. */
  binary?: string;
  /** A configuration file (-c), e.g. one including the hub's generated authorization block. */
  configFile?: string;
}

export interface NatsServerHandle {
  url: string;
  port: number;
  /** SIGTERM (graceful) by default; SIGKILL simulates a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops and starts again on the same port and store. */
  restart(): Promise<void>;
}

/** Starts `nats-server -js` and resolves once it accepts connections. */
export async function startNatsServer(opts: StartNatsServerOptions): Promise<NatsServerHandle> {
  const binary = opts.binary ?? findNatsServerBinary();
  if (!binary) throw new NatsServerNotFoundError();
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? (await findFreePort(host));
  const storeDir = path.resolve(opts.storeDir);
  mkdirSync(storeDir, { recursive: true });
  const args = ['-js', '-a', host, '-p', String(port), '-sd', storeDir];
  if (opts.logFile) args.push('-l', path.resolve(opts.logFile));
  if (opts.configFile) args.push('-c', path.resolve(opts.configFile));

  let current: ManagedProcess | undefined;
  const start = async (): Promise<void> => {
    if (await isPortOpen(host, port)) {
      throw new Error(`cannot start nats-server: ${host}:${port} is already in use`);
    }
    const proc = spawnManaged({ command: binary, args, signalOnParentExit: 'SIGTERM' });
    current = proc;
    try {
      await waitForPort(host, port, {
        timeoutMs: opts.startTimeoutMs ?? 15_000,
        abort: () => {
          const exit = proc.exitInfo();
          return exit ? `nats-server ${describeExit(exit)}` : undefined;
        },
      });
    } catch (error) {
      await proc.stop('SIGKILL');
      const tail = proc.outputTail();
      const logHint = opts.logFile ? `\nsee ${opts.logFile}` : '';
      throw new Error(`${(error as Error).message}${tail ? `\n${tail}` : ''}${logHint}`, {
        cause: error,
      });
    }
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    const proc = current;
    current = undefined;
    if (proc) await proc.stop(signal);
  };

  await start();
  return {
    url: `nats://${host}:${port}`,
    port,
    stop,
    async restart() {
      await stop();
      await start();
    },
  };
}
