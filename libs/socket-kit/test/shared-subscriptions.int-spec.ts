import { namespacedSubject } from '@hub/messaging';
import { testRunId, testServices } from '@hub/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { SharedSubscriptions, type RealtimeDelivery } from '../src';

type Event = { type: string; n: number };
type Received = { subject: string; n: number; holders: string[] };

describe('shared realtime subscriptions on real NATS', () => {
  const namespace = `${testRunId()}_socketkit`;
  let subscriber: NatsConnection;
  let publisher: NatsConnection;
  let shared: SharedSubscriptions;
  let received: Received[];
  let sent = 0;

  const record = ({ subject, event, holders }: RealtimeDelivery<string, Event>) => {
    received.push({ subject, n: event.n, holders: [...holders].sort() });
  };

  /** Publishes an event on `subject`; returns its number. */
  const publish = (subject: string): number => {
    const n = ++sent;
    publisher.publish(namespacedSubject(namespace, subject), JSON.stringify({ type: 't', n }));
    return n;
  };

  /** Waits until the event numbered `n` arrived: everything published before it has too. */
  const until = async (n: number): Promise<void> => {
    const deadline = Date.now() + 5_000;
    while (!received.some((r) => r.n === n)) {
      if (Date.now() > deadline) throw new Error(`event ${n} never arrived`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  beforeAll(async () => {
    subscriber = await connect({ servers: testServices.natsUrl, name: 'socket-kit-subscriber' });
    publisher = await connect({ servers: testServices.natsUrl, name: 'socket-kit-publisher' });
  });

  afterAll(async () => {
    await subscriber.drain();
    await publisher.drain();
  });

  beforeEach(() => {
    shared = new SharedSubscriptions(namespace);
    shared.use(subscriber);
    received = [];
  });

  it('subscribes once for two holders, keeps it when one leaves, and drops it when both have', async () => {
    const group = shared.group<string, Event>(record);
    // A subject the test holds throughout: its events mark how far delivery has got.
    group.add('rt.marker', 'marker');

    group.add('rt.agent.a', 'socket-1');
    group.add('rt.agent.a', 'socket-2');
    await shared.flush();
    const both = publish('rt.agent.a');
    await until(publish('rt.marker'));

    expect(shared.subscriptionCount).toBe(2);
    expect(received.filter((r) => r.n === both)).toEqual([
      { subject: 'rt.agent.a', n: both, holders: ['socket-1', 'socket-2'] },
    ]);

    group.remove('rt.agent.a', 'socket-1');
    const one = publish('rt.agent.a');
    await until(publish('rt.marker'));

    expect(shared.subscriptionCount).toBe(2);
    expect(received.filter((r) => r.n === one)).toEqual([
      { subject: 'rt.agent.a', n: one, holders: ['socket-2'] },
    ]);

    group.remove('rt.agent.a', 'socket-2');
    await shared.flush();
    const none = publish('rt.agent.a');
    await until(publish('rt.marker'));

    expect(shared.subscriptionCount).toBe(1);
    expect(group.holders('rt.agent.a').size).toBe(0);
    expect(received.filter((r) => r.n === none)).toEqual([]);
  });

  it('counts a holder once however often it joins, and ignores leaving a subject it never held', () => {
    const group = shared.group<string, Event>(record);

    group.add('rt.visitor.v', 'tab');
    group.add('rt.visitor.v', 'tab');
    group.remove('rt.visitor.v', 'other-tab');
    group.remove('rt.conversation.c', 'tab');

    expect(shared.subscriptionCount).toBe(1);
    group.remove('rt.visitor.v', 'tab');
    expect(shared.subscriptionCount).toBe(0);
  });

  it('shares one subscription between two groups of holders, each getting only its own', async () => {
    const sockets = shared.group<string, Event>(record);
    const agents = shared.group<string, Event>(record);

    sockets.add('rt.conversation.c', 'visitor-socket');
    agents.add('rt.conversation.c', 'agent-7');
    await shared.flush();
    const n = publish('rt.conversation.c');
    await until(n);

    expect(shared.subscriptionCount).toBe(1);
    expect(received.filter((r) => r.n === n).map((r) => r.holders)).toEqual(
      expect.arrayContaining([['visitor-socket'], ['agent-7']]),
    );
    expect(received.filter((r) => r.n === n)).toHaveLength(2);

    sockets.remove('rt.conversation.c', 'visitor-socket');
    expect(shared.subscriptionCount).toBe(1);
    agents.remove('rt.conversation.c', 'agent-7');
    expect(shared.subscriptionCount).toBe(0);
  });

  it('drops what is not a JSON event, and goes on delivering', async () => {
    const group = shared.group<string, Event>(record);
    group.add('rt.agent.b', 'socket');
    await shared.flush();

    publisher.publish(namespacedSubject(namespace, 'rt.agent.b'), 'not json');
    publisher.publish(namespacedSubject(namespace, 'rt.agent.b'), '{"no":"type"}');
    await until(publish('rt.agent.b'));

    expect(received).toHaveLength(1);
    group.remove('rt.agent.b', 'socket');
  });

  it('refuses a holder with REALTIME_UNAVAILABLE while NATS is not connected', () => {
    const unconnected = new SharedSubscriptions(namespace);
    const group = unconnected.group<string, Event>(record);

    expect(() => group.add('rt.agent.c', 'socket')).toThrow(
      expect.objectContaining({ kind: 'unavailable', code: 'REALTIME_UNAVAILABLE' }) as Error,
    );
    expect(unconnected.subscriptionCount).toBe(0);
  });
});
