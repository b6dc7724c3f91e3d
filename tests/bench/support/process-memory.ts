import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@hub/testing';

const GC_HOOK = path.join(__dirname, 'gc-on-signal.cjs');

/** Memory of a measured process after a full GC. */
export interface MemorySample {
  /** Resident set size, read from outside the process (/proc or ps). */
  rss: number;
  /** V8 heap in use plus memory held outside it (Buffers), as the process reports them. */
  heapUsed: number;
  external: number;
}

/** A server process the bench measures: started with `--expose-gc` and the SIGUSR2 GC hook. */
export class MeasuredProcess {
  private constructor(
    readonly child: ChildProcess,
    private readonly reportDir: string,
  ) {}

  static async start(options: {
    script: string;
    env: Record<string, string>;
    readyUrl: string;
  }): Promise<MeasuredProcess> {
    const reportDir = mkdtempSync(path.join(tmpdir(), 'hub-bench-memory-'));
    const child = spawn(process.execPath, ['--expose-gc', '--require', GC_HOOK, options.script], {
      env: {
        ...process.env,
        ...options.env,
        BENCH_MEMORY_REPORT: path.join(reportDir, 'memory.json'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const measured = new MeasuredProcess(child, reportDir);
    await waitFor(
      async () =>
        await fetch(options.readyUrl).then(
          (r) => r.ok,
          () => false,
        ),
      30_000,
      () => `${options.script} did not become ready`,
    );
    return measured;
  }

  /** Memory after a full GC; RSS is the median of three reads, so a passing spike does not count. */
  async afterGc(): Promise<MemorySample> {
    for (let i = 0; i < 2; i++) {
      this.child.kill('SIGUSR2');
      await sleep(500);
    }
    const reads: number[] = [];
    for (let i = 0; i < 3; i++) {
      reads.push(residentBytes(this.child.pid!));
      await sleep(200);
    }
    const usage = JSON.parse(
      readFileSync(path.join(this.reportDir, 'memory.json'), 'utf8'),
    ) as NodeJS.MemoryUsage;
    return {
      rss: reads.sort((a, b) => a - b)[1],
      heapUsed: usage.heapUsed,
      external: usage.external,
    };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await once(this.child, 'exit');
    }
    rmSync(this.reportDir, { recursive: true, force: true });
  }
}

/** VmRSS from /proc on Linux; `ps` elsewhere. */
export function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // Not Linux: ask ps.
  }
  return (
    Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) *
    1024
  );
}
