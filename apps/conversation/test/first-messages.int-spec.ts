import { randomUUID } from 'node:crypto';
import type { InboundMessageReceived } from '@hub/contracts';
import { realtimeSubjects, SUBJECTS } from '@hub/contracts';
import type { ContentType } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { Conversation } from '../src/conversations/conversation.entity';
import { MessageRepository } from '../src/messages/message.repository';
import { ReceiveInboundMessage } from '../src/messages/receive-inbound-message.use-case';
import {
  ConversationUnderTest,
  inboundMessage,
  type InboxTarget,
} from './support/conversation-under-test';

// First messages (a sender without a conversation in the inbox) arriving together are opened
// in batches: apps/conversation/src/messages/first-message-store.ts.
describe('first messages of new customers arriving together', () => {
  let service: ConversationUnderTest;
  let target: InboxTarget;

  beforeAll(async () => {
    service = await ConversationUnderTest.start('firsts');
    target = await service.createInbox();
  });

  afterAll(() => service?.stop());

  const receive = (message: InboundMessageReceived) =>
    service.get(ReceiveInboundMessage).execute(message);

  function conversationsOf(visitorId: string): Promise<Conversation[]> {
    return service.dataSource.manager.find(Conversation, {
      where: { inboxId: target.inboxId, customerExternalId: visitorId },
    });
  }

  async function contentsBySeq(conversationId: string): Promise<[number, string][]> {
    const messages = await service
      .get(MessageRepository)
      .listAfter({ conversationId, afterSeq: 0, limit: 500 });
    return messages.map((m) => [m.seq, m.content]);
  }

  async function eventsAbout(subject: string, conversationIds: Set<string>) {
    return (await service.storedEvents()).filter(
      (event) =>
        event.subject === subject && conversationIds.has(String(event.data.conversationId)),
    );
  }

  it('opens one conversation per new customer in a few transactions, a second first message of one customer becoming its follow-up', async () => {
    const visitors = Array.from({ length: 30 }, () => `visitor-${randomUUID()}`);
    const firsts = visitors.map((visitorId) => inboundMessage(target, { visitorId }));
    const twice = `visitor-${randomUUID()}`;
    const [one, two] = [
      inboundMessage(target, { visitorId: twice }),
      inboundMessage(target, { visitorId: twice }),
    ];
    const toVisitors = await Promise.all(
      visitors.map((visitorId) => service.watchRealtime(realtimeSubjects.visitor(visitorId))),
    );
    const transactions = jest.spyOn(service.dataSource, 'transaction');
    const crmBefore = service.crmRequests;

    await Promise.all([...firsts, one, two].map((message) => receive(message)));

    // One by one each first message took a transaction of its own (and a batch attempt before).
    expect(transactions.mock.calls.length).toBeGreaterThan(0);
    expect(transactions.mock.calls.length).toBeLessThan(12);
    transactions.mockRestore();
    // crm is asked about the new senders in batches too, where one by one it was asked 32 times.
    expect(service.crmRequests - crmBefore).toBeLessThan(12);
    const opened = new Set<string>();
    for (const [k, visitorId] of visitors.entries()) {
      const conversations = await conversationsOf(visitorId);
      expect(conversations).toHaveLength(1);
      expect(conversations[0].lastSeq).toBe(1);
      expect(await contentsBySeq(conversations[0].id)).toEqual([[1, firsts[k].content]]);
      opened.add(conversations[0].id);
    }
    const [both, ...more] = await conversationsOf(twice);
    expect(more).toEqual([]);
    expect(both.lastSeq).toBe(2);
    const stored = await contentsBySeq(both.id);
    expect(stored.map(([seq]) => seq)).toEqual([1, 2]);
    expect(stored.map(([, content]) => content).sort()).toEqual([one.content, two.content].sort());
    opened.add(both.id);
    // Every conversation announced once (routing queues it), every message once.
    const openedEvents = await eventsAbout(
      SUBJECTS.conversation.conversationOpened.subject,
      opened,
    );
    expect(openedEvents).toHaveLength(31);
    const created = await eventsAbout(SUBJECTS.conversation.messageCreated.subject, opened);
    expect(created).toHaveLength(32);
    // Each visitor's socket gets its message, numbered 1.
    const seen = () =>
      toVisitors.map((events) =>
        events.flatMap((e) =>
          e.type === 'message.created' ? [[e.message.content, e.message.seq]] : [],
        ),
      );
    const expected = firsts.map((message) => [[message.content, 1]]);
    await waitFor(
      () => JSON.stringify(seen()) === JSON.stringify(expected),
      5_000,
      () => JSON.stringify(seen()),
    );
  });

  it('stores a first message sent twice in one batch and redelivered later once, fanning it out each time', async () => {
    const visitors = Array.from({ length: 10 }, () => `visitor-${randomUUID()}`);
    const firsts = visitors.map((visitorId) => inboundMessage(target, { visitorId }));
    const resent = firsts[4];
    const toResender = await service.watchRealtime(
      realtimeSubjects.visitor(resent.customer.externalId),
    );

    await Promise.all([...firsts, resent].map((message) => receive(message)));
    await receive(resent);

    const opened = new Set<string>();
    for (const [k, visitorId] of visitors.entries()) {
      const [conversation, ...more] = await conversationsOf(visitorId);
      expect(more).toEqual([]);
      expect(conversation.lastSeq).toBe(1);
      expect(await contentsBySeq(conversation.id)).toEqual([[1, firsts[k].content]]);
      opened.add(conversation.id);
    }
    const created = await eventsAbout(SUBJECTS.conversation.messageCreated.subject, opened);
    expect(created).toHaveLength(10);
    const openedEvents = await eventsAbout(
      SUBJECTS.conversation.conversationOpened.subject,
      opened,
    );
    expect(openedEvents).toHaveLength(10);
    // Its sender gets an ack for each delivery: the one it missed may be any of them.
    const acks = () => toResender.filter((e) => e.type === 'message.created').length;
    await waitFor(
      () => acks() === 3,
      5_000,
      () => JSON.stringify(toResender),
    );
  });

  it('stores the other first messages of a batch when one of them cannot be stored', async () => {
    const visitors = Array.from({ length: 10 }, () => `visitor-${randomUUID()}`);
    const firsts = visitors.map((visitorId) => inboundMessage(target, { visitorId }));
    // Refused by the messages table's check: the batch rolls back, each is retried alone.
    const poison = inboundMessage(target, { contentType: 'bogus' as ContentType });

    const results = await Promise.allSettled(
      [...firsts, poison].map((message) => receive(message)),
    );

    expect(results.slice(0, 10).map((result) => result.status)).toEqual(
      Array(10).fill('fulfilled'),
    );
    expect(results[10].status).toBe('rejected');
    for (const [k, visitorId] of visitors.entries()) {
      const [conversation, ...more] = await conversationsOf(visitorId);
      expect(more).toEqual([]);
      expect(await contentsBySeq(conversation.id)).toEqual([[1, firsts[k].content]]);
    }
    expect(await conversationsOf(poison.customer.externalId)).toEqual([]);
  });

  it('asks crm one by one when it refuses a batch, and still opens one conversation per sender', async () => {
    const visitors = Array.from({ length: 10 }, () => `visitor-${randomUUID()}`);
    const firsts = visitors.map((visitorId) => inboundMessage(target, { visitorId }));
    const crmBefore = service.crmRequests;
    service.refuseCrmBatches = true;

    try {
      await Promise.all(firsts.map((message) => receive(message)));
    } finally {
      service.refuseCrmBatches = false;
    }

    // At least one refused batch besides a request for each sender.
    expect(service.crmRequests - crmBefore).toBeGreaterThan(10);
    for (const [k, visitorId] of visitors.entries()) {
      const [conversation, ...more] = await conversationsOf(visitorId);
      expect(more).toEqual([]);
      expect(await contentsBySeq(conversation.id)).toEqual([[1, firsts[k].content]]);
    }
  });
});
