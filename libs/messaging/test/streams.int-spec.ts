import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { nanos } from '@nats-io/transport-node';
import { ensureStreams, JetStreamPublisher, namespacedStream } from '../src';
import { connectTestNats, deleteHubStreams, suiteNamespace } from './support/nats-fixture';
import { testEvent } from './support/test-payload';

describe('ensureStreams', () => {
  const namespace = suiteNamespace('streams');
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connectTestNats();
  });

  afterAll(async () => {
    await deleteHubStreams(nc, namespace);
    await nc.drain();
  });

  it('creates INBOUND, EVENTS, OUTBOUND and DEAD_LETTERS with file storage, limits and a dedupe window', async () => {
    const streams = await ensureStreams(nc, { namespace, replicas: 1 });

    expect(Object.keys(streams).sort()).toEqual(['DEAD_LETTERS', 'EVENTS', 'INBOUND', 'OUTBOUND']);
    const inbound = streams.INBOUND.config;
    expect(inbound.name).toBe(namespacedStream(namespace, 'INBOUND'));
    expect(inbound.subjects).toEqual([`${namespace}.inbound.>`]);
    expect(streams.EVENTS.config.subjects).toEqual([`${namespace}.evt.>`]);
    expect(streams.OUTBOUND.config.subjects).toEqual([`${namespace}.outbound.>`]);
    expect(streams.DEAD_LETTERS.config.subjects).toEqual([`${namespace}.dlq.>`]);
    expect(inbound).toMatchObject({
      storage: 'file',
      retention: 'limits',
      discard: 'old',
      num_replicas: 1,
      duplicate_window: nanos(10 * 60 * 1000),
    });
  });

  it('is idempotent: a second call changes nothing and keeps the stored messages', async () => {
    const first = await ensureStreams(nc, { namespace, replicas: 1 });
    await new JetStreamPublisher(nc, namespace).publish(
      testEvent('web'),
      { id: 'kept', n: 1 },
      { msgId: 'keep-1' },
    );

    const second = await ensureStreams(nc, { namespace, replicas: 1 });

    expect(second.INBOUND.created).toBe(first.INBOUND.created);
    expect(second.INBOUND.config).toEqual(first.INBOUND.config);
    expect(second.INBOUND.state.messages).toBe(1);
  });

  it('updates a stream in place when its configuration differs', async () => {
    await ensureStreams(nc, {
      namespace,
      replicas: 1,
      duplicateWindowMs: 60_000,
      maxAgeMs: 3_600_000,
    });
    const jsm = await jetstreamManager(nc);
    const changed = await jsm.streams.info(namespacedStream(namespace, 'EVENTS'));
    expect(changed.config.duplicate_window).toBe(nanos(60_000));
    expect(changed.config.max_age).toBe(nanos(3_600_000));

    const restored = await ensureStreams(nc, { namespace, replicas: 1 });

    expect(restored.EVENTS.config.duplicate_window).toBe(nanos(10 * 60 * 1000));
    expect(restored.EVENTS.created).toBe(changed.created);
    expect(restored.INBOUND.state.messages).toBe(1);
  });
});
