import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, startNatsServer } from '@hub/dev-infra';
import type { NatsServerHandle } from '@hub/dev-infra';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { NatsConnectionStatus } from '../src';
import {
  connectNats,
  DurableConsumer,
  ensureStreams,
  isNatsConnected,
  JetStreamPublisher,
  namespacedDurable,
  namespacedStream,
} from '../src';
import type { LogLine } from './support/capture-logger';
import { captureLogger } from './support/capture-logger';
import { deleteHubStreams, sleep, suiteNamespace, waitUntil } from './support/nats-fixture';
import { testEvent, type TestMessage } from './support/test-payload';

// Restarting the shared NATS server would disturb every other suite: this one runs its own.
describe('a consumer across a NATS server restart', () => {
  const namespace = suiteNamespace('restart');
  const stream = namespacedStream(namespace, 'INBOUND');
  let storeDir: string;
  let server: NatsServerHandle;
  let nc: NatsConnection;
  let connectionLog: LogLine[];

  beforeAll(async () => {
    storeDir = mkdtempSync(path.join(tmpdir(), `hub-messaging-${namespace}-`));
    server = await startNatsServer({ storeDir });
    const { logger, lines } = captureLogger();
    connectionLog = lines;
    nc = await connectNats({ url: server.url, name: 'restart-test', logger });
    await ensureStreams(nc, { namespace, replicas: 1 });
  });

  afterAll(async () => {
    if (nc && !nc.isClosed()) {
      await deleteHubStreams(nc, namespace);
      await nc.drain();
    }
    await server?.stop();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it.each([
    ['stops gracefully', 'SIGTERM', 'term'],
    ['crashes', 'SIGKILL', 'kill'],
  ] as const)(
    'keeps consuming when the server %s: messages published after the restart are handled',
    async (_how, signal, channel) => {
      const { logger, lines } = captureLogger();
      const handled: string[] = [];
      const consumer = new DurableConsumer<TestMessage>({
        nc,
        namespace,
        event: testEvent(channel),
        durable: `test_restart_${channel}`,
        handle: (payload) => {
          handled.push(payload.id);
          return Promise.resolve();
        },
        logger,
        pullExpiresMs: 1_000,
      });
      await consumer.start();
      const publisher = new JetStreamPublisher(nc, namespace);
      const publish = (id: string) =>
        publisher.publish(testEvent(channel), { id, n: 0 }, { msgId: `${channel}-${id}` });
      await publish('before');
      await waitUntil(() => handled.includes('before'), 'the message sent before the restart');
      const connectionLogBefore = connectionLog.length;

      await server.stop(signal);
      await waitUntil(() => !isNatsConnected(nc), 'the disconnect');
      await sleep(1_500); // the consumer's pull fails or times out meanwhile
      await server.restart();
      await waitUntil(() => isNatsConnected(nc), 'the reconnect', 15_000);
      // JetStream needs a moment after the server accepts connections: retry the first publish.
      await retry(() => publish('after-1'));
      await publish('after-2');

      await waitUntil(() => handled.length === 3, 'the messages sent after the restart', 20_000);
      expect(handled).toEqual(['before', 'after-1', 'after-2']);
      expect(consumer.isRunning).toBe(true);
      expect(lines.filter((line) => line.level === 'error')).toEqual([]);
      const reconnectLog = connectionLog.slice(connectionLogBefore).map((line) => line.msg);
      expect(reconnectLog).toEqual(
        expect.arrayContaining(['disconnected from NATS; reconnecting', 'reconnected to NATS']),
      );
      await consumer.stop();
    },
    60_000,
  );

  it('keeps a key moving when the server comes back with an ack floor left behind', async () => {
    // With nats-server 2.9, once a redelivered message has been acked, a server restart brings
    // back the ack floor from before that ack, which then stays put until nothing at all is
    // pending. A key whose earlier message was acked out of order must
    // not wait for that floor: its held message is pending too, so the wait would never end.
    const channel = 'floor';
    const durable = 'test_restart_floor';
    const orderingKey = (body: unknown) => (body as TestMessage).id;
    const publisher = new JetStreamPublisher(nc, namespace);
    const publish = (id: string, n: number) =>
      publisher.publish(testEvent(channel), { id, n }, { msgId: `${channel}-${id}-${n}` });
    const options = {
      namespace,
      event: testEvent(channel),
      durable,
      pullExpiresMs: 1_000,
      ackWaitMs: 1_000,
      batchSize: 4,
      orderingKey,
    };
    const state = async () =>
      (await jetstreamManager(nc)).consumers.info(stream, namespacedDurable(namespace, durable));

    // The first instance is delivered a:0, c:0 and b:0, acks only b:0, and dies.
    const doomedNc = await connectNats({
      url: server.url,
      name: 'floor-doomed',
      logger: captureLogger().logger,
    });
    const doomed = new DurableConsumer<TestMessage>({
      ...options,
      nc: doomedNc,
      logger: captureLogger().logger,
      handle: (payload) =>
        payload.id === 'b' ? Promise.resolve() : new Promise<never>(() => undefined),
    });
    await doomed.start();
    await publish('a', 0);
    await publish('c', 0);
    await publish('b', 0);
    for (
      let s = await state();
      s.delivered.stream_seq < 3 || s.num_ack_pending > 2;
      s = await state()
    ) {
      await sleep(50);
    }
    await doomedNc.close();

    // Its replacement awaits all three; b:1 waits for b:0 until the floor passes it. a:0 comes
    // back and is acked (a redelivery: the stored floor stays at 0); c:0 comes back and hangs.
    const handled: string[] = [];
    let releaseC!: () => void;
    const cReleased = new Promise<void>((resolve) => (releaseC = resolve));
    const { logger } = captureLogger();
    const survivor = new DurableConsumer<TestMessage>({
      ...options,
      nc,
      logger,
      handle: async (payload) => {
        if (payload.id === 'c') await cReleased;
        handled.push(`${payload.id}:${payload.n}`);
      },
    });
    await survivor.start();
    await publish('b', 1);
    await waitUntil(() => handled.includes('a:0'), 'a:0 redelivered and handled', 10_000);
    expect(handled).not.toContain('b:1');

    // The server restarts with the floor at 0; once c:0 is acked, only b:1 (held) is pending.
    await server.restart();
    await waitUntil(() => isNatsConnected(nc), 'the reconnect', 15_000);
    releaseC();

    await waitUntil(() => handled.includes('b:1'), 'b:1 handled after its wait', 15_000);
    expect(handled.filter((one) => one.startsWith('b'))).toEqual(['b:1']);
    await survivor.stop();
  }, 60_000);

  it('stops promptly when asked while the server is down', async () => {
    const { logger } = captureLogger();
    const consumer = new DurableConsumer<TestMessage>({
      nc,
      namespace,
      event: testEvent('down'),
      durable: 'test_restart_down',
      handle: () => Promise.resolve(),
      logger,
      pullExpiresMs: 1_000,
    });
    await consumer.start();
    await server.stop('SIGKILL');
    await waitUntil(() => !isNatsConnected(nc), 'the disconnect');

    try {
      const startedAt = Date.now();
      await consumer.stop();

      // Nothing can arrive while disconnected: the pull in progress is closed at once.
      expect(Date.now() - startedAt).toBeLessThan(1_000);
      expect(consumer.isRunning).toBe(false);
    } finally {
      await server.restart();
      await waitUntil(() => isNatsConnected(nc), 'the reconnect', 15_000);
    }
  }, 30_000);

  it('waits for a server that is not up yet, and resolves once it is', async () => {
    const { logger, lines } = captureLogger();
    const port = await findFreePort('127.0.0.1');
    const statuses: NatsConnectionStatus[] = [];
    let late: NatsConnection | undefined;
    const pending = connectNats({
      url: `nats://127.0.0.1:${port}`,
      name: 'late-server-test',
      logger,
      onStatusChange: (status) => statuses.push(status),
      waitingLogIntervalMs: 300,
    }).then((connection) => (late = connection));

    await sleep(1_200);
    expect(late).toBeUndefined();
    expect(statuses).toEqual(['connecting']);
    expect(lines.some((line) => line.msg === 'still waiting for NATS')).toBe(true);

    const lateDir = mkdtempSync(path.join(tmpdir(), `hub-messaging-${namespace}-late-`));
    const lateServer = await startNatsServer({ port, storeDir: lateDir });
    try {
      await pending;
      expect(statuses).toEqual(['connecting', 'connected']);
      expect(isNatsConnected(late!)).toBe(true);
      await late!.drain();
      expect(isNatsConnected(late!)).toBe(false);
    } finally {
      await lateServer.stop();
      rmSync(lateDir, { recursive: true, force: true });
    }
  }, 30_000);
});

async function retry<T>(fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(250);
    }
  }
}
