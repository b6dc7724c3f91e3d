import { CORRELATION_HEADER, withCorrelationId } from '@hub/observability';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { ensureStreams, JetStreamPublisher, namespacedStream } from '../src';
import { connectTestNats, deleteHubStreams, suiteNamespace } from './support/nats-fixture';

describe('JetStreamPublisher', () => {
  const namespace = suiteNamespace('publish');
  const stream = namespacedStream(namespace, 'INBOUND');
  let nc: NatsConnection;
  let publisher: JetStreamPublisher;

  beforeAll(async () => {
    nc = await connectTestNats();
    await ensureStreams(nc, { namespace, replicas: 1 });
    publisher = new JetStreamPublisher(nc, namespace);
  });

  afterAll(async () => {
    await deleteHubStreams(nc, namespace);
    await nc.drain();
  });

  it('stores a message once when the same Nats-Msg-Id is published twice', async () => {
    const jsm = await jetstreamManager(nc);
    const before = (await jsm.streams.info(stream)).state.messages;

    const first = await publisher.publish(
      'inbound.web',
      { text: 'hi' },
      { msgId: 'inbox-1:ext-1' },
    );
    const second = await publisher.publish(
      'inbound.web',
      { text: 'hi again' },
      { msgId: 'inbox-1:ext-1' },
    );

    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ seq: first.seq, duplicate: true });
    expect((await jsm.streams.info(stream)).state.messages).toBe(before + 1);
  });

  it('sends a JSON body under the namespace with the msg id and the current correlation id', async () => {
    const { seq } = await withCorrelationId('corr-publish-1', () =>
      publisher.publish('inbound.email', { text: 'mail' }, { msgId: 'mail-1' }),
    );

    const stored = await (await jetstreamManager(nc)).streams.getMessage(stream, { seq });
    expect(stored?.subject).toBe(`${namespace}.inbound.email`);
    expect(stored?.json()).toEqual({ text: 'mail' });
    expect(stored?.header.get('Nats-Msg-Id')).toBe('mail-1');
    expect(stored?.header.get(CORRELATION_HEADER)).toBe('corr-publish-1');
  });

  it('publishes a batch through a bounded window and returns results in input order', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      subject: 'inbound.web',
      payload: { i },
      msgId: `batch-${i}`,
    }));

    const results = await publisher.publishMany([...items, items[0]], { maxInFlight: 8 });

    expect(results).toHaveLength(61);
    expect(new Set(results.slice(0, 60).map((r) => r.seq)).size).toBe(60);
    expect(results[60]).toEqual({ seq: results[0].seq, duplicate: true });
  });

  it('rejects when no stream stores the subject, instead of pretending it was accepted', async () => {
    await expect(
      publisher.publish('nowhere.web', { text: 'lost' }, { msgId: 'nowhere-1' }),
    ).rejects.toThrow();
  });
});
