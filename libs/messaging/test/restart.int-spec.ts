import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, startNatsServer } from '@hub/dev-infra';
import type { NatsServerHandle } from '@hub/dev-infra';
import type { NatsConnection } from '@nats-io/transport-node';
import type { NatsConnectionStatus } from '../src';
import {
  connectNats,
  DurableConsumer,
  ensureStreams,
  isNatsConnected,
  JetStreamPublisher,
} from '../src';
import type { LogLine } from './support/capture-logger';
import { captureLogger } from './support/capture-logger';
import { deleteHubStreams, sleep, suiteNamespace, waitUntil } from './support/nats-fixture';
import { testEvent, type TestMessage } from './support/test-payload';

// Restarting the shared NATS server would disturb every other suite: this one runs its own.
describe('a consumer across a NATS server restart', () => {
  const namespace = suiteNamespace('restart');
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
