import type { ServerFrame } from '../api/types';
import { FakeSocket } from './fake-socket.spec-support';
import { type ConnectionState, VisitorConnection } from './visitor-connection';

const WELCOME = {
  type: 'welcome',
  visitorId: 'v1',
  conversationId: null,
  conversation: null,
  messages: [],
};

function connect(overrides: { renewSession?: () => Promise<void> } = {}) {
  const sockets: FakeSocket[] = [];
  const frames: ServerFrame[] = [];
  const states: ConnectionState[] = [];
  let token = 'token-1';
  const renewSession = jest.fn(
    overrides.renewSession ?? (() => Promise.resolve(void (token = 'token-2'))),
  );
  const connection = new VisitorConnection({
    url: 'ws://hub.test/ws/visitor',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    hello: () => ({ type: 'hello', token, lastSeq: 0 }),
    onFrame: (frame) => frames.push(frame),
    onState: (state) => states.push(state),
    renewSession,
    random: () => 0.999999,
    pingIntervalMs: 20_000,
  });
  connection.start();
  return {
    connection,
    sockets,
    frames,
    states,
    renewSession,
    last: () => sockets[sockets.length - 1],
  };
}

describe('VisitorConnection', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says hello on open and goes online at welcome', () => {
    const { connection, last, states, frames } = connect();
    expect(connection.send({ type: 'typing', isTyping: true })).toBe(false);
    last().serverOpens();
    expect(last().sent).toEqual([{ type: 'hello', token: 'token-1', lastSeq: 0 }]);
    last().serverSends(WELCOME);
    expect(states).toEqual(['connecting', 'online']);
    expect(frames).toEqual([WELCOME]);
    expect(connection.send({ type: 'typing', isTyping: true })).toBe(true);
  });

  it('reconnects after a drop with growing delays, and starts over after a welcome', () => {
    const { sockets, last, states } = connect();
    last().serverOpens();
    last().serverSends(WELCOME);
    last().serverCloses(1006);
    expect(states[states.length - 1]).toBe('reconnecting');
    jest.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().serverCloses(1006); // refused again before any welcome: the next wait doubles
    jest.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    last().serverOpens();
    last().serverSends(WELCOME);
    last().serverCloses(1001);
    jest.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4);
  });

  it('gets a new session on 4401, then reconnects with the new token', async () => {
    const { last, renewSession, sockets } = connect();
    last().serverOpens();
    last().serverCloses(4401);
    expect(renewSession).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(0);
    expect(sockets).toHaveLength(2);
    last().serverOpens();
    expect(last().sent[0]).toMatchObject({ type: 'hello', token: 'token-2' });
  });

  it('treats a socket silent for a whole ping period as dropped', () => {
    const { last, sockets } = connect();
    last().serverOpens();
    last().serverSends(WELCOME);
    jest.advanceTimersByTime(20_000);
    expect(last().sentOfType('ping')).toHaveLength(1);
    jest.advanceTimersByTime(20_000); // no pong came
    expect(sockets[0].closedWith).toBe(4000);
    jest.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('drops the socket at once when the browser goes offline, and retries with backoff', () => {
    const { connection, last, sockets, states } = connect();
    last().serverOpens();
    last().serverSends(WELCOME);
    connection.networkLost();
    expect(sockets[0].closedWith).toBe(4000);
    expect(states[states.length - 1]).toBe('reconnecting');
    expect(connection.send({ type: 'typing', isTyping: true })).toBe(false);
    jest.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('keeps a socket that answers its pings', () => {
    const { last, sockets } = connect();
    last().serverOpens();
    last().serverSends(WELCOME);
    for (let period = 0; period < 5; period += 1) {
      jest.advanceTimersByTime(20_000);
      last().serverSends({ type: 'pong' });
    }
    expect(sockets).toHaveLength(1);
    expect(sockets[0].closedWith).toBeNull();
  });

  it('stays closed once stopped', () => {
    const { connection, last, sockets } = connect();
    last().serverOpens();
    connection.stop();
    last().serverCloses(1000);
    jest.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
