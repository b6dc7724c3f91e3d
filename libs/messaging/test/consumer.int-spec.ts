import { currentCorrelationId, withCorrelationId } from '@hub/observability';
import { jetstream, jetstreamManager, type ConsumerInfo } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { MessageDeadLettered } from '@hub/contracts';
import { Channel } from '@hub/domain';
import type { DeliveryMeta, DurableConsumerOptions } from '../src';
import {
  DurableConsumer,
  UnprocessableMessageError,
  ensureStreams,
  JetStreamPublisher,
  namespacedDurable,
  namespacedStream,
  namespacedSubject,
} from '../src';
import { captureLogger } from './support/capture-logger';
import {
  connectTestNats,
  deleteHubStreams,
  sleep,
  suiteNamespace,
  waitUntil,
} from './support/nats-fixture';
import { testEvent, type TestMessage } from './support/test-payload';

describe('DurableConsumer', () => {
  const namespace = suiteNamespace('consume');
  const stream = namespacedStream(namespace, 'INBOUND');
  let nc: NatsConnection;
  let publisher: JetStreamPublisher;
  const running: DurableConsumer<TestMessage>[] = [];

  beforeAll(async () => {
    nc = await connectTestNats();
    await ensureStreams(nc, { namespace, replicas: 1 });
    publisher = new JetStreamPublisher(nc, namespace);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
  });

  afterAll(async () => {
    await deleteHubStreams(nc, namespace);
    await nc.drain();
  });

  // Each test reads its own channel subject through its own durable.
  function consumer(
    channel: string,
    handle: (payload: TestMessage, meta: DeliveryMeta) => Promise<void>,
    extra: Partial<DurableConsumerOptions<TestMessage>> = {},
    { logger, lines } = captureLogger(),
  ) {
    const instance = new DurableConsumer<TestMessage>({
      nc,
      namespace,
      event: testEvent(channel),
      durable: `test_${channel}`,
      handle,
      logger,
      pullExpiresMs: 1_000,
      retryDelayMs: () => 100,
      ...extra,
    });
    running.push(instance);
    return { instance, lines };
  }

  async function consumerState(channel: string) {
    const jsm = await jetstreamManager(nc);
    return jsm.consumers.info(stream, namespacedDurable(namespace, `test_${channel}`));
  }

  /**
   * The channel's consumer state once `check` holds: acks and terms are sent without waiting for
   * the server, so a state read as soon as a handler ran can still count them pending.
   */
  async function untilState(
    channel: string,
    check: (state: ConsumerInfo) => boolean,
    what: string,
  ): Promise<ConsumerInfo> {
    for (const deadline = Date.now() + 10_000; ; await sleep(50)) {
      const state = await consumerState(channel);
      if (check(state)) return state;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    }
  }

  /** The dead letters of one channel's messages, read from the DEAD_LETTERS stream. */
  async function deadLettersOf(channel: string, count: number): Promise<MessageDeadLettered[]> {
    const letters = await jetstream(nc).consumers.get(namespacedStream(namespace, 'DEAD_LETTERS'), {
      filter_subjects: namespacedSubject(namespace, `dlq.inbound.${channel}`),
    });
    const found: MessageDeadLettered[] = [];
    const batch = await letters.fetch({ max_messages: count + 1, expires: 1_000 });
    for await (const message of batch) found.push(message.json<MessageDeadLettered>());
    return found;
  }

  it('dead-letters and terminates unreadable and invalid messages, logs why, and still handles the next one', async () => {
    const handled: string[] = [];
    const { instance, lines } = consumer('poison', (payload) => {
      handled.push(payload.id);
      return Promise.resolve();
    });
    const js = jetstream(nc);
    const subject = namespacedSubject(namespace, 'inbound.poison');
    await js.publish(subject, '{"id": "broken', { msgID: 'poison-json' });
    // The typed publisher cannot send an invalid payload; another producer could.
    await js.publish(subject, JSON.stringify({ id: 'p2', n: 'three', extra: 1 }), {
      msgID: 'poison-invalid',
    });
    await publisher.publish(testEvent('poison'), { id: 'good', n: 3 }, { msgId: 'poison-good' });

    await instance.start();
    await waitUntil(() => handled.includes('good'), 'the good message');

    expect(handled).toEqual(['good']);
    const poison = lines.filter((line) => line.msg === 'poison message terminated');
    expect(poison).toHaveLength(2);
    expect(poison[0]).toMatchObject({ level: 'error', subject, msgId: 'poison-json' });
    expect(poison[0].reasons).toEqual([expect.stringMatching(/^body: invalid JSON/)]);
    expect(poison[1]).toMatchObject({ subject, msgId: 'poison-invalid' });
    expect(poison[1].reasons).toEqual(
      expect.arrayContaining(['n: must be an integer number', 'extra: should not exist']),
    );
    // Terminated, not left pending for a redelivery.
    const state = await untilState('poison', (s) => s.num_ack_pending === 0, 'no ack pending');
    expect(state.num_redelivered).toBe(0);
    expect(state.ack_floor.stream_seq).toBe(state.delivered.stream_seq);
    // Each was posted to the dead letters first, with its reason and where to find it.
    const letters = await deadLettersOf('poison', 2);
    expect(letters).toEqual([
      expect.objectContaining({
        stream: 'INBOUND',
        originalSubject: 'inbound.poison',
        durable: 'test_poison',
        reason: 'invalid',
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/^body: invalid JSON/) as unknown,
        deliveryCount: 1,
      }),
      expect.objectContaining({ reason: 'invalid', code: 'VALIDATION_FAILED' }),
    ]);
    expect(letters[1].streamSeq).toBe(letters[0].streamSeq + 1);
    expect(letters[1].message).toContain('n: must be an integer number');
  });

  it('dead-letters a message its handler refuses, with the refusal code and the sender', async () => {
    const posted: MessageDeadLettered[] = [];
    const { instance } = consumer(
      'refused',
      () =>
        Promise.reject(new UnprocessableMessageError('no such inbox', { code: 'INBOX_NOT_FOUND' })),
      {
        deadLetterSender: (body) => ({
          channel: Channel.Web,
          workspaceId: '00000000-0000-4000-8000-000000000001',
          inboxId: '00000000-0000-4000-8000-000000000002',
          externalId: (body as TestMessage).id,
        }),
        onDeadLettered: (letter) => posted.push(letter),
      },
    );
    await instance.start();
    await publisher.publish(testEvent('refused'), { id: 'v-1', n: 1 }, { msgId: 'refused-1' });

    await waitUntil(() => posted.length === 1, 'the dead letter');

    const [letter] = await deadLettersOf('refused', 1);
    expect(letter).toEqual(posted[0]);
    expect(letter).toMatchObject({
      reason: 'refused',
      code: 'INBOX_NOT_FOUND',
      message: 'no such inbox',
      sender: { channel: 'web', externalId: 'v-1' },
    });
    await untilState('refused', (state) => state.num_ack_pending === 0, 'no ack pending');
  });

  it('keeps a message it gives up until its dead letter is stored, never dropping it silently', async () => {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(namespacedStream(namespace, 'DEAD_LETTERS'));
    // Deliveries to spare: only the last one would terminate without a dead letter.
    const { instance, lines } = consumer('unposted', () => Promise.resolve(), { maxDeliver: 100 });
    await jetstream(nc).publish(namespacedSubject(namespace, 'inbound.unposted'), '{"id": "br', {
      msgID: 'unposted-1',
    });
    await instance.start();

    await waitUntil(
      () => lines.filter((line) => line.msg === 'dead letter not stored').length >= 2,
      'two failed posts',
    );
    expect((await consumerState('unposted')).num_ack_pending).toBe(1);

    await ensureStreams(nc, { namespace, replicas: 1 });
    await waitUntil(() => lines.some((line) => line.msg === 'message dead-lettered'), 'the post');
    const [letter] = await deadLettersOf('unposted', 1);
    expect(letter).toMatchObject({ reason: 'invalid', code: 'VALIDATION_FAILED' });
    expect(letter.deliveryCount).toBeGreaterThanOrEqual(3);
    // The term() follows the post.
    const state = await untilState('unposted', (s) => s.num_ack_pending === 0, 'no ack pending');
    expect(state.ack_floor.stream_seq).toBe(state.delivered.stream_seq);
  });

  it('redelivers a message whose handler throws, until it succeeds', async () => {
    const attempts: number[] = [];
    const { instance, lines } = consumer('retry', (_payload, meta) => {
      attempts.push(meta.deliveryCount);
      return meta.deliveryCount < 3
        ? Promise.reject(new Error('database unavailable'))
        : Promise.resolve();
    });
    await instance.start();
    await publisher.publish(testEvent('retry'), { id: 'r1', n: 1 }, { msgId: 'retry-1' });

    await waitUntil(() => attempts.length === 3, 'three attempts');
    await sleep(300);

    expect(attempts).toEqual([1, 2, 3]);
    const retries = lines.filter(
      (line) => line.msg === 'handler failed; message will be redelivered',
    );
    expect(retries).toHaveLength(2);
    expect(retries[0]).toMatchObject({ level: 'warn', deliveryCount: 1, retryInMs: 100 });
    await untilState('retry', (state) => state.num_ack_pending === 0, 'no ack pending');
  });

  it('dead-letters and drops a message after maxDeliver failures, logging it as dropped', async () => {
    let calls = 0;
    const { instance, lines } = consumer(
      'dead',
      () => {
        calls += 1;
        return Promise.reject(new Error('always fails'));
      },
      { maxDeliver: 3 },
    );
    await instance.start();
    await publisher.publish(testEvent('dead'), { id: 'd1', n: 1 }, { msgId: 'dead-1' });

    await waitUntil(
      () => lines.some((line) => line.msg === 'message dropped after max deliveries'),
      'drop log',
    );
    await sleep(500);

    expect(calls).toBe(3);
    expect(lines.find((line) => line.msg === 'message dropped after max deliveries')).toMatchObject(
      {
        level: 'error',
        deliveryCount: 3,
        maxDeliver: 3,
      },
    );
    await untilState('dead', (state) => state.num_ack_pending === 0, 'no ack pending');
    expect(await deadLettersOf('dead', 1)).toEqual([
      expect.objectContaining({
        reason: 'max_deliveries',
        code: 'MESSAGE_NOT_STORED',
        message: 'always fails',
        deliveryCount: 3,
      }),
    ]);
  });

  it('runs the handler inside the correlation id of the message and passes its metadata', async () => {
    const capture = captureLogger();
    const seen: { meta: DeliveryMeta; current?: string }[] = [];
    const { instance, lines } = consumer(
      'corr',
      (payload, meta) => {
        seen.push({ meta, current: currentCorrelationId() });
        capture.logger.info({ id: payload.id }, 'handled');
        return Promise.resolve();
      },
      {},
      capture,
    );
    await instance.start();
    const { seq } = await withCorrelationId('corr-42', () =>
      publisher.publish(testEvent('corr'), { id: 'c1', n: 1 }, { msgId: 'corr-1' }),
    );

    await waitUntil(() => seen.length === 1, 'the message');

    expect(seen[0].current).toBe('corr-42');
    expect(seen[0].meta).toEqual({
      subject: 'inbound.corr',
      correlationId: 'corr-42',
      deliveryCount: 1,
      streamSeq: seq,
      msgId: 'corr-1',
    });
    expect(lines.find((line) => line.msg === 'handled')).toMatchObject({
      correlationId: 'corr-42',
      id: 'c1',
    });
  });

  it('re-creates its durable when it is deleted under it, replaying rather than skipping', async () => {
    const handled: string[] = [];
    const { instance, lines } = consumer('deleted', (payload) => {
      handled.push(payload.id);
      return Promise.resolve();
    });
    await instance.start();
    await publisher.publish(testEvent('deleted'), { id: 'x1', n: 1 }, { msgId: 'deleted-1' });
    await waitUntil(() => handled.length === 1, 'the first message');

    const jsm = await jetstreamManager(nc);
    await jsm.consumers.delete(stream, namespacedDurable(namespace, 'test_deleted'));
    await publisher.publish(testEvent('deleted'), { id: 'x2', n: 2 }, { msgId: 'deleted-2' });

    await waitUntil(() => handled.includes('x2'), 'the message after the deletion', 15_000);
    // The new durable starts from the beginning of the stream (nothing is skipped), so x1
    // comes again: consumers are idempotent.
    expect(handled).toEqual(['x1', 'x1', 'x2']);
    expect(lines.filter((line) => line.msg === 'durable consumer created')).toHaveLength(2);
    expect(instance.isRunning).toBe(true);
  });

  it('stop() mid-stream finishes and acks in-flight work, and a new instance handles exactly the rest', async () => {
    const total = 200;
    const handled = new Map<string, string[]>(); // message id → instances that handled it
    let stopping: Promise<void> | undefined;
    let stopped = false;
    let handledByFirstAfterStop = 0;
    const record = (instance: string) => async (payload: TestMessage) => {
      await sleep(2 + (payload.n % 4));
      handled.set(payload.id, [...(handled.get(payload.id) ?? []), instance]);
      if (instance === 'first' && stopped) handledByFirstAfterStop += 1;
      // Stop from inside the stream, while other handlers are still running.
      if (instance === 'first' && handled.size === 60) stopping = first.instance.stop();
    };
    await publisher.publishMany(
      Array.from({ length: total }, (_, n) => ({
        event: testEvent('handoff'),
        payload: { id: `m${n}`, n },
        msgId: `handoff-${n}`,
      })),
    );

    const first = consumer('handoff', record('first'), { batchSize: 10, ackWaitMs: 30_000 });
    await first.instance.start();
    await waitUntil(() => stopping !== undefined, 'sixty messages');
    await stopping;
    stopped = true;
    const byFirst = handled.size;
    expect(first.instance.isRunning).toBe(false);
    // Every ack of the first instance reaches the server (stop() flushes them; the server may
    // take a moment to apply them); only what it gave back stays pending.
    const givenBack = first.lines.find((line) => line.msg === 'consumer stopped')?.givenBack;
    await untilState(
      'handoff',
      (state) => state.num_ack_pending === givenBack,
      `only the ${String(givenBack)} given back pending`,
    );

    // What was given back (nak) comes back at once: well inside the 30 s ack wait that a
    // delivery lost in flight would cost.
    const second = consumer('handoff', record('second'), { batchSize: 10, ackWaitMs: 30_000 });
    await second.instance.start();
    await waitUntil(() => handled.size === total, 'all messages', 10_000);
    await sleep(500);

    expect(byFirst).toBeGreaterThanOrEqual(60);
    expect(byFirst).toBeLessThan(total);
    expect(handledByFirstAfterStop).toBe(0);
    expect([...handled.values()].filter((instances) => instances.length !== 1)).toEqual([]);
    expect(handled.size).toBe(total);
    const state = await consumerState('handoff');
    expect(state.num_pending).toBe(0);
    expect(state.num_ack_pending).toBe(0);
  });

  it('handles messages of one ordering key in stream order while other keys run alongside', async () => {
    const keys = ['a', 'b', 'c', 'd'];
    const seen = new Map<string, number[]>(keys.map((k) => [k, []]));
    let running = 0;
    let maxRunning = 0;
    const { instance } = consumer(
      'ordered',
      async (payload) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        // Later messages finish faster, so any reordering inside a key would show.
        await sleep(Math.max(1, 20 - (payload.n % 20)));
        seen.get(payload.id)!.push(payload.n);
        running -= 1;
      },
      { batchSize: 8, orderingKey: (body) => (body as TestMessage).id },
    );
    await instance.start();

    for (let n = 0; n < 80; n++) {
      await publisher.publish(
        testEvent('ordered'),
        { id: keys[n % keys.length], n },
        { msgId: `ordered-${namespace}-${n}` },
      );
    }

    await waitUntil(
      () => [...seen.values()].every((ns) => ns.length === 20),
      'all keys handled',
      20_000,
    );
    for (const [key, ns] of seen) {
      expect({ key, ns }).toEqual({ key, ns: [...ns].sort((x, y) => x - y) });
    }
    expect(maxRunning).toBeGreaterThan(1);
    expect(maxRunning).toBeLessThanOrEqual(keys.length);
  });

  it('keeps each key in stream order when an instance dies mid-batch and its pulled messages come back late', async () => {
    const keys = ['a', 'b', 'c', 'd'];
    const stored = new Map<string, number[]>(keys.map((k) => [k, []]));
    const pulledByTheDead = new Set<number>();
    const orderingKey = (body: unknown) => (body as TestMessage).id;
    const publish = async (from: number, to: number) => {
      for (let n = from; n < to; n++) {
        await publisher.publish(
          testEvent('crash'),
          { id: keys[n % keys.length], n },
          { msgId: `crash-${namespace}-${n}` },
        );
      }
    };

    // The first instance stores 0–7, then hangs mid-batch on 8–11 (12–15 wait behind them)
    // and is killed: its connection drops with all of those unacked.
    const doomedNc = await connectTestNats();
    const doomed = new DurableConsumer<TestMessage>({
      nc: doomedNc,
      namespace,
      event: testEvent('crash'),
      durable: 'test_crash',
      logger: captureLogger().logger,
      pullExpiresMs: 1_000,
      ackWaitMs: 2_000,
      batchSize: 8,
      orderingKey,
      handle: async (payload) => {
        if (payload.n < 8) stored.get(payload.id)!.push(payload.n);
        else {
          pulledByTheDead.add(payload.n);
          await new Promise<never>(() => undefined);
        }
      },
    });
    await doomed.start();
    await publish(0, 16);
    await waitUntil(() => pulledByTheDead.size === 4, 'the first instance hanging mid-batch');
    await doomedNc.close();

    // Its replacement starts while 8–15 are still unacked, and the same senders write again.
    const { instance } = consumer(
      'crash',
      (payload) => {
        stored.get(payload.id)!.push(payload.n);
        return Promise.resolve();
      },
      { ackWaitMs: 2_000, batchSize: 8, orderingKey },
    );
    await instance.start();
    await publish(16, 32);

    await waitUntil(
      () => [...stored.values()].every((ns) => ns.length === 8),
      'every message stored',
      20_000,
    );
    for (const [key, ns] of stored) {
      const sent = Array.from({ length: 8 }, (_, i) => i * keys.length + keys.indexOf(key));
      expect({ key, ns }).toEqual({ key, ns: sent });
    }
  }, 30_000);

  it('holds a key’s later messages while an earlier one waits to be retried', async () => {
    const seen: number[] = [];
    let failedOnce = false;
    const { instance } = consumer(
      'retry-order',
      (payload) => {
        if (payload.n === 1 && !failedOnce) {
          failedOnce = true;
          return Promise.reject(new Error('database unavailable'));
        }
        seen.push(payload.n);
        return Promise.resolve();
      },
      { batchSize: 4, orderingKey: (body) => (body as TestMessage).id },
    );
    await instance.start();
    for (let n = 0; n < 6; n++) {
      await publisher.publish(
        testEvent('retry-order'),
        { id: 'one-sender', n },
        { msgId: `retry-order-${namespace}-${n}` },
      );
    }

    await waitUntil(() => seen.length === 6, 'every message handled');
    expect(failedOnce).toBe(true);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('handles a waiting message once when its ack wait runs out unheeded (the process frozen)', async () => {
    const calls = new Map<number, number>();
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const { instance } = consumer(
      'frozen',
      async (payload) => {
        calls.set(payload.n, (calls.get(payload.n) ?? 0) + 1);
        if (payload.n === 0) await first;
      },
      { ackWaitMs: 1_000, batchSize: 4, orderingKey: (body) => (body as TestMessage).id },
    );
    await instance.start();
    for (let n = 0; n < 4; n++) {
      await publisher.publish(
        testEvent('frozen'),
        { id: 'one-sender', n },
        { msgId: `frozen-${namespace}-${n}` },
      );
    }
    await waitUntil(() => calls.get(0) === 1, 'the first message running, the others waiting');
    await sleep(200);
    // As SIGSTOP does: no timer runs, so no heartbeat keeps the waiting ones from redelivery.
    const frozenUntil = Date.now() + 2_500;
    while (Date.now() < frozenUntil);
    await untilState('frozen', (s) => s.num_redelivered >= 3, 'the waiting messages redelivered');
    await sleep(500);
    release();

    await untilState('frozen', (state) => state.num_ack_pending === 0, 'every message acked');
    // The running one was redelivered too and may run again; the waiting ones run once each.
    expect([1, 2, 3].map((n) => calls.get(n))).toEqual([1, 1, 1]);
  }, 30_000);
});
