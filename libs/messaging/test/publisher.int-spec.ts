import { CORRELATION_HEADER, withCorrelationId } from '@hub/observability';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { defineEvent } from '@hub/contracts';
import { ensureStreams, JetStreamPublisher, namespacedStream } from '../src';
import { connectTestNats, deleteHubStreams, suiteNamespace } from './support/nats-fixture';
import { TestMessage, testEvent } from './support/test-payload';

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
      testEvent('web'),
      { id: 'hi', n: 1 },
      { msgId: 'inbox-1:ext-1' },
    );
    const second = await publisher.publish(
      testEvent('web'),
      { id: 'hi again', n: 1 },
      { msgId: 'inbox-1:ext-1' },
    );

    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ seq: first.seq, duplicate: true });
    expect((await jsm.streams.info(stream)).state.messages).toBe(before + 1);
  });

  it('sends a JSON body under the namespace with the msg id and the current correlation id', async () => {
    const { seq } = await withCorrelationId('corr-publish-1', () =>
      publisher.publish(testEvent('email'), { id: 'mail', n: 2 }, { msgId: 'mail-1' }),
    );

    const stored = await (await jetstreamManager(nc)).streams.getMessage(stream, { seq });
    expect(stored?.subject).toBe(`${namespace}.inbound.email`);
    expect(stored?.json()).toEqual({ id: 'mail', n: 2 });
    expect(stored?.header.get('Nats-Msg-Id')).toBe('mail-1');
    expect(stored?.header.get(CORRELATION_HEADER)).toBe('corr-publish-1');
  });

  it('publishes an event of a family on the subject its payload names', async () => {
    const family = defineEvent('inbound.*', TestMessage, 'INBOUND', (m) => `inbound.${m.id}`);

    const { seq } = await publisher.publish(family, { id: 'sms', n: 3 }, { msgId: 'sms-1' });

    const stored = await (await jetstreamManager(nc)).streams.getMessage(stream, { seq });
    expect(stored?.subject).toBe(`${namespace}.inbound.sms`);
  });

  it('publishes a batch through a bounded window and returns results in input order', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      event: testEvent('web'),
      payload: { id: `batch-${i}`, n: i },
      msgId: `batch-${i}`,
    }));

    const results = await publisher.publishMany([...items, items[0]], { maxInFlight: 8 });

    expect(results).toHaveLength(61);
    expect(new Set(results.slice(0, 60).map((r) => r.seq)).size).toBe(60);
    expect(results[60]).toEqual({ seq: results[0].seq, duplicate: true });
  });

  it('rejects when no stream stores the subject, instead of pretending it was accepted', async () => {
    const withoutStreams = new JetStreamPublisher(nc, suiteNamespace('nostreams'));
    // "jetstream is not enabled" is the client's words for "no stream answered the publish".
    await expect(
      withoutStreams.publish(testEvent('web'), { id: 'lost', n: 0 }, { msgId: 'nowhere-1' }),
    ).rejects.toThrow('jetstream is not enabled');
  });
});
