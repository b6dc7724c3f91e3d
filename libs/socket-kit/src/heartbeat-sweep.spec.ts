import { HeartbeatSweep, type HeartbeatTarget } from './heartbeat-sweep';

/** A socket as the sweep sees it, recording what the sweep did to it. */
class RecordingSocket implements HeartbeatTarget {
  alive = true;
  nextPingAt = 0;
  readonly pings: number[] = [];
  terminated = false;
  constructor(private readonly clock: { now: number }) {}
  ping(): void {
    this.pings.push(this.clock.now);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const INTERVAL = 10_000;
const TICK = 1_000;

function setup(count: number) {
  const clock = { now: 1_000_000 };
  const sockets = new Set(Array.from({ length: count }, () => new RecordingSocket(clock)));
  const ticks: number[] = [];
  const pinged: RecordingSocket[] = [];
  const sweep = new HeartbeatSweep({
    sockets,
    intervalMs: INTERVAL,
    tickMs: TICK,
    onTick: (now) => ticks.push(now),
    onPing: (socket) => pinged.push(socket),
  });
  /** Advances time tick by tick; after each, the sockets `answers` picks answer their ping. */
  const run = (durationMs: number, answers: (socket: RecordingSocket) => boolean = () => true) => {
    for (let t = 0; t < durationMs; t += TICK) {
      clock.now += TICK;
      sweep.sweep(clock.now);
      for (const socket of sockets) if (answers(socket)) socket.alive = true;
    }
  };
  return { sockets: [...sockets], ticks, pinged, run };
}

describe('the heartbeat sweep', () => {
  it('pings each socket once per interval, each at its own moment', () => {
    const { sockets, run } = setup(200);

    run(3 * INTERVAL);

    for (const socket of sockets) {
      expect(socket.pings.length).toBeGreaterThanOrEqual(2);
      expect(socket.pings.length).toBeLessThanOrEqual(3);
      const gaps = socket.pings.slice(1).map((at, i) => at - socket.pings[i]);
      for (const gap of gaps) expect(gap).toBe(INTERVAL);
    }
    // Spread over the interval: not all 200 in the same tick.
    const firstPings = new Set(sockets.map((socket) => socket.pings[0]));
    expect(firstPings.size).toBeGreaterThan(5);
  });

  it('cuts a socket that did not answer its previous ping, and only that one', () => {
    const { sockets, run } = setup(2);
    const [silent, answering] = sockets;

    run(2 * INTERVAL);
    expect(silent.pings.length).toBeGreaterThan(0);
    run(2 * INTERVAL, (socket) => socket === answering);

    expect(silent.terminated).toBe(true);
    expect(answering.terminated).toBe(false);
  });

  it('runs the server’s own work every tick and its housekeeping at each ping', () => {
    const { sockets, ticks, pinged, run } = setup(3);

    run(2 * INTERVAL);

    expect(ticks).toHaveLength((2 * INTERVAL) / TICK);
    expect(new Set(pinged)).toEqual(new Set(sockets));
    expect(pinged).toHaveLength(sockets.reduce((sum, socket) => sum + socket.pings.length, 0));
  });
});
