import path from 'node:path';
import { findFreePort } from '@hub/dev-infra';
import { waitForReady } from '../src/readiness';
import { Supervisor } from '../src/supervisor';
import type { SupervisorEvent } from '../src/supervisor';

const CHILD = path.join(__dirname, 'fixtures', 'child.cjs');

function child(name: string, mode: string, port = 0) {
  return {
    name,
    command: process.execPath,
    args: [CHILD],
    env: { CHILD_MODE: mode, PORT: String(port) },
  };
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Supervisor', () => {
  it('prefixes each child line with its name, pretty-prints JSON logs, and stops children with SIGTERM', async () => {
    const port = await findFreePort();
    const lines: string[] = [];
    const events: SupervisorEvent[] = [];
    const supervisor = new Supervisor([child('web', 'serve', port)], {
      write: (line) => lines.push(line),
      onEvent: (e) => events.push(e),
      nameWidth: 8,
    });
    supervisor.start();
    try {
      expect(
        await waitForReady(`http://127.0.0.1:${port}/health/ready`, { timeoutMs: 5_000 }),
      ).toBe(true);
      await until(() => lines.some((l) => l.includes('in two pieces')));
    } finally {
      await supervisor.stop();
    }
    expect(lines).toContainEqual(
      expect.stringMatching(/^web {6}\| \d\d:\d\d:\d\d\.\d{3} INFO {2}listening port=\d+$/),
    );
    expect(lines).toContain('web      | plain text in two pieces');
    expect(lines).toContainEqual(expect.stringMatching(/^web {6}\| .* INFO {2}bye$/));
    expect(events.at(-1)).toEqual({
      type: 'stopped',
      name: 'web',
      code: 0,
      signal: null,
      killed: false,
    });
    expect(supervisor.state('web')).toBe('stopped');
  });

  it('restarts a crashing child with growing delays and gives up after too many crashes in a row', async () => {
    const lines: string[] = [];
    const events: SupervisorEvent[] = [];
    const supervisor = new Supervisor([child('crashy', 'crash')], {
      write: (line) => lines.push(line),
      onEvent: (e) => events.push(e),
      restart: {
        initialDelayMs: 50,
        maxDelayMs: 1_000,
        stableAfterMs: 60_000,
        maxConsecutiveCrashes: 3,
      },
    });
    supervisor.start();
    try {
      await until(() => supervisor.state('crashy') === 'failed');
    } finally {
      await supervisor.stop();
    }
    const delays = events.flatMap((e) =>
      e.type === 'crashed' && e.restartInMs ? [e.restartInMs] : [],
    );
    expect(delays).toEqual([50, 100]);
    expect(events.filter((e) => e.type === 'started')).toHaveLength(3);
    expect(events.at(-1)).toEqual({ type: 'gave-up', name: 'crashy', crashes: 3 });
    expect(lines).toContain('crashy   | about to crash');
    expect(lines).toContain('launcher | crashy exited with code 3; restarting in 0.1 s');
    expect(lines).toContain(
      'launcher | crashy exited with code 3; not restarting it after 3 crashes in a row',
    );
  });

  it('kills a child that ignores SIGTERM once the stop timeout has passed', async () => {
    const port = await findFreePort();
    const events: SupervisorEvent[] = [];
    const supervisor = new Supervisor([child('stubborn', 'stubborn', port)], {
      write: () => undefined,
      onEvent: (e) => events.push(e),
      stopTimeoutMs: 300,
    });
    supervisor.start();
    expect(await waitForReady(`http://127.0.0.1:${port}/health/ready`, { timeoutMs: 5_000 })).toBe(
      true,
    );
    const started = Date.now();
    await supervisor.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(events.at(-1)).toEqual({
      type: 'stopped',
      name: 'stubborn',
      code: null,
      signal: 'SIGKILL',
      killed: true,
    });
  });

  it('does not restart children while stopping', async () => {
    const port = await findFreePort();
    const events: SupervisorEvent[] = [];
    const supervisor = new Supervisor([child('web', 'serve', port)], {
      write: () => undefined,
      onEvent: (e) => events.push(e),
      restart: { initialDelayMs: 10, maxDelayMs: 10, stableAfterMs: 60_000 },
    });
    supervisor.start();
    expect(await waitForReady(`http://127.0.0.1:${port}/health/ready`, { timeoutMs: 5_000 })).toBe(
      true,
    );
    await supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.map((e) => e.type)).toEqual(['started', 'stopped']);
  });
});
