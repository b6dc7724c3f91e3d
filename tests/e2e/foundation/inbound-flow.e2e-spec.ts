import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { SUBJECTS, type MessageCreated } from '@hub/contracts';
import { JetStreamPublisher, namespacedStream, namespacedSubject } from '@hub/messaging';
import { CORRELATION_HEADER, withCorrelationId } from '@hub/observability';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspaceWithInbox, inboundMessage, publishInbound } from '../support/inbound';
import type { TestHub } from '../support/test-hub';

describe('an inbound message crossing conversation and crm', () => {
  let suite: HubSuite;
  let namespace: string;
  let hub: TestHub;
  let nc: NatsConnection;
  let publisher: JetStreamPublisher;
  let db: Client;
  let target: { workspaceId: string; inboxId: string };
  const events: { event: MessageCreated; correlationId?: string }[] = [];

  beforeAll(async () => {
    suite = await startHubSuite('flow', ['conversation', 'crm']);
    ({ namespace, hub, nc } = suite);
    publisher = new JetStreamPublisher(nc, namespace);
    nc.subscribe(namespacedSubject(namespace, SUBJECTS.conversation.messageCreated.subject), {
      callback: (_err, msg) => {
        events.push({
          event: msg.json<MessageCreated>(),
          correlationId: msg.headers?.get(CORRELATION_HEADER),
        });
      },
    });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    target = await createWorkspaceWithInbox(suite.database.url);
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  const storedMessages = async (externalId: string) =>
    (
      await db.query<{ seq: string; conversation_id: string }>(
        `SELECT seq, conversation_id FROM conversation.messages WHERE channel_message_id = $1`,
        [externalId],
      )
    ).rows;

  const inboundConsumerIdle = async () => {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.consumers.info(
      namespacedStream(namespace, 'INBOUND'),
      `${namespace}_conversation_inbound`,
    );
    return info.num_pending === 0 && info.num_ack_pending === 0;
  };

  it('carries the correlation id from the edge through JetStream, the crm request and the event', async () => {
    const correlationId = `corr-${randomUUID()}`;
    const message = inboundMessage(target);

    await withCorrelationId(correlationId, () => publishInbound(publisher, message));

    await waitFor(
      () =>
        events.some(
          (e) => e.event.content === message.content && e.correlationId === correlationId,
        ),
      15_000,
    );
    const { event } = events.find((e) => e.correlationId === correlationId)!;
    expect(event).toMatchObject({
      workspaceId: target.workspaceId,
      inboxId: target.inboxId,
      seq: 1,
      conversationOpened: true,
    });
    await hub
      .service('crm')
      .waitForLog((l) => l.correlationId === correlationId && l.msg === 'customer created');
    await hub
      .service('conversation')
      .waitForLog((l) => l.correlationId === correlationId && l.msg === 'inbound message stored');
  });

  it('stores a message published twice with the same Nats-Msg-Id once', async () => {
    const message = inboundMessage(target);

    const first = await publishInbound(publisher, message);
    const second = await publishInbound(publisher, message);

    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    await waitFor(
      async () => (await storedMessages(message.externalMessageId)).length === 1,
      15_000,
    );
  });

  it('stores a platform retry that arrives under a new Nats-Msg-Id once, by its channel message id', async () => {
    const message = inboundMessage(target);

    await publishInbound(publisher, message);
    await publisher.publish(SUBJECTS.inbound.messageReceived, message, {
      msgId: `retry-${randomUUID()}`,
    });

    await waitFor(inboundConsumerIdle, 15_000, () => 'the retry was never handled');
    expect(await storedMessages(message.externalMessageId)).toHaveLength(1);
    const published = () => events.filter((e) => e.event.content === message.content);
    await waitFor(() => published().length > 0, 5_000);
    expect(published()).toHaveLength(1);
  });

  it('numbers one customer’s messages 1, 2, 3 in one conversation', async () => {
    const customer = { externalId: `visitor-${randomUUID()}` };
    const messages = [1, 2, 3].map((n) =>
      inboundMessage(target, { customer, content: `message ${n}` }),
    );

    for (const message of messages) await publishInbound(publisher, message);

    await waitFor(
      async () => (await storedMessages(messages[2].externalMessageId)).length === 1,
      15_000,
    );
    const rows = await Promise.all(messages.map((m) => storedMessages(m.externalMessageId)));
    expect(rows.map(([row]) => Number(row.seq))).toEqual([1, 2, 3]);
    expect(new Set(rows.map(([row]) => row.conversation_id)).size).toBe(1);
  });

  it('terminates poison messages, logging their subject, and goes on with the next one', async () => {
    const subject = 'inbound.web';
    await jetstream(nc).publish(namespacedSubject(namespace, subject), '{not json', {
      msgID: `poison-${randomUUID()}`,
    });
    const invalid = { ...inboundMessage(target), workspaceId: 'not-a-uuid' };
    await publisher.publish(SUBJECTS.inbound.messageReceived, invalid, {
      msgId: `invalid-${randomUUID()}`,
    });
    const good = inboundMessage(target);
    await publishInbound(publisher, good);

    await waitFor(async () => (await storedMessages(good.externalMessageId)).length === 1, 15_000);
    const conversation = hub.service('conversation');
    await conversation.waitForLog(
      (l) =>
        l.subject === namespacedSubject(namespace, subject) &&
        /workspaceId/.test(JSON.stringify(l)),
    );
    expect(await inboundConsumerIdle()).toBe(true);
  });

  it('terminates at once a message naming an inbox that does not exist, instead of retrying it', async () => {
    const orphan = inboundMessage({ workspaceId: target.workspaceId, inboxId: randomUUID() });

    await publishInbound(publisher, orphan);

    const conversation = hub.service('conversation');
    const refused = await conversation.waitForLog(
      (l) =>
        l.msg === 'message refused by its handler; terminated' &&
        JSON.stringify(l).includes(orphan.inboxId),
    );
    expect(refused).toMatchObject({ deliveryCount: 1 });
    await waitFor(inboundConsumerIdle, 10_000);
  });
});
