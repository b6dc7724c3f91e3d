import { randomUUID } from 'node:crypto';
import type { InboundMessageReceived } from '@hub/contracts';
import { realtimeSubjects, SUBJECTS } from '@hub/contracts';
import { AgentRole, ConversationStatus } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { ConversationLifecycle } from '../src/conversations/conversation-lifecycle';
import { Conversation } from '../src/conversations/conversation.entity';
import { MessageRepository } from '../src/messages/message.repository';
import { ReceiveInboundMessage } from '../src/messages/receive-inbound-message.use-case';
import {
  ConversationUnderTest,
  inboundMessage,
  type InboxTarget,
} from './support/conversation-under-test';

describe('inbound customer messages', () => {
  let service: ConversationUnderTest;
  let target: InboxTarget;
  const agent = { agentId: randomUUID(), role: AgentRole.Agent };

  beforeAll(async () => {
    service = await ConversationUnderTest.start('inbound');
    target = await service.createInbox();
    service.enrol(agent);
  });

  afterAll(() => service?.stop());

  const receive = (message: InboundMessageReceived) =>
    service.get(ReceiveInboundMessage).execute(message);

  function conversationsOf(visitorId: string, inbox = target): Promise<Conversation[]> {
    return service.dataSource.manager.find(Conversation, {
      where: {
        workspaceId: inbox.workspaceId,
        inboxId: inbox.inboxId,
        customerExternalId: visitorId,
      },
      order: { updatedAt: 'DESC' },
    });
  }

  async function seqsOf(conversationId: string): Promise<number[]> {
    const messages = await service
      .get(MessageRepository)
      .listAfter({ conversationId, afterSeq: 0, limit: 500 });
    return messages.map((m) => m.seq);
  }

  it('stores a redelivered message once and fans it out again so its sender gets the ack', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const toVisitor = await service.watchRealtime(realtimeSubjects.visitor(visitorId));
    const message = inboundMessage(target, { visitorId });

    await receive(message);
    await receive(message);

    const [conversation] = await conversationsOf(visitorId);
    expect(await seqsOf(conversation.id)).toEqual([1]);
    expect(conversation.lastSeq).toBe(1);
    const deliveries = () =>
      toVisitor.flatMap((e) => (e.type === 'message.created' ? [e.message.content] : []));
    await waitFor(
      () => deliveries().length === 2,
      5_000,
      () => JSON.stringify(toVisitor),
    );
    expect(deliveries()).toEqual([message.content, message.content]);
  });

  it('numbers twenty simultaneous messages of a new customer 1 to 20 in one conversation, redeliveries taking no number', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const messages = Array.from({ length: 20 }, () => inboundMessage(target, { visitorId }));

    await Promise.all([...messages, messages[3], messages[11]].map((message) => receive(message)));

    const conversations = await conversationsOf(visitorId);
    expect(conversations).toHaveLength(1);
    expect(await seqsOf(conversations[0].id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(conversations[0].lastSeq).toBe(20);
  });

  it('stores follow-ups of many customers arriving together in a few transactions, each numbered next in its own conversation and published once', async () => {
    const visitors = Array.from({ length: 30 }, () => `visitor-${randomUUID()}`);
    await Promise.all(visitors.map((visitorId) => receive(inboundMessage(target, { visitorId }))));
    const followUps = visitors.map((visitorId) => inboundMessage(target, { visitorId }));
    const watched = await Promise.all(
      visitors.map((visitorId) => service.watchRealtime(realtimeSubjects.visitor(visitorId))),
    );
    const transactions = jest.spyOn(service.dataSource, 'transaction');

    await Promise.all(followUps.map((message) => receive(message)));

    // One by one this took a transaction per message; together they share a few.
    expect(transactions).toHaveBeenCalled();
    expect(transactions.mock.calls.length).toBeLessThan(10);
    transactions.mockRestore();
    for (const visitorId of visitors) {
      const [conversation] = await conversationsOf(visitorId);
      expect(await seqsOf(conversation.id)).toEqual([1, 2]);
      expect(conversation.lastSeq).toBe(2);
    }
    const contents = new Set(followUps.map((message) => message.content));
    const created = (await service.storedEvents()).filter(
      (event) =>
        event.subject === SUBJECTS.conversation.messageCreated.subject &&
        contents.has(String(event.data.content)),
    );
    expect(created).toHaveLength(followUps.length);
    // What each visitor's socket would get of its follow-up (the first message's own events may
    // still be arriving on the new subscriptions).
    const followUpsSeen = () =>
      watched.map((events) =>
        events.flatMap((event) =>
          event.type === 'message.created' && contents.has(event.message.content)
            ? [[event.message.content, event.message.seq]]
            : [],
        ),
      );
    const expected = followUps.map((message) => [[message.content, 2]]);
    await waitFor(
      () => JSON.stringify(followUpsSeen()) === JSON.stringify(expected),
      5_000,
      () => JSON.stringify(followUpsSeen()),
    );
  });

  it('keeps one open conversation per customer and inbox, and a separate one in another inbox', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const otherInbox = await service.createInbox(target.workspaceId);

    await receive(inboundMessage(target, { visitorId }));
    await receive(inboundMessage(target, { visitorId }));
    await receive(inboundMessage(otherInbox, { visitorId }));

    const here = await conversationsOf(visitorId);
    const there = await conversationsOf(visitorId, otherInbox);
    expect(here.map((c) => [c.status, c.lastSeq])).toEqual([[ConversationStatus.Open, 2]]);
    expect(there.map((c) => [c.status, c.lastSeq])).toEqual([[ConversationStatus.Open, 1]]);
  });

  it('reopens a resolved conversation on a new customer message, without its assignee or resolution', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    await receive(inboundMessage(target, { visitorId }));
    const [opened] = await conversationsOf(visitorId);
    const lifecycle = service.get(ConversationLifecycle);
    const key = { workspaceId: target.workspaceId, conversationId: opened.id };
    await lifecycle.assign({ ...key, agentId: agent.agentId, expectedAssigneeId: null });
    await lifecycle.resolve({ ...key, actor: agent });

    await receive(inboundMessage(target, { visitorId }));

    const conversations = await conversationsOf(visitorId);
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({
      id: opened.id,
      status: ConversationStatus.Open,
      assigneeId: null,
      resolvedAt: null,
      resolutionSeconds: null,
      lastSeq: 2,
    });
    const reopenings = (await service.storedEvents()).filter(
      (e) =>
        e.data.conversationId === opened.id &&
        e.subject === SUBJECTS.conversation.conversationOpened.subject,
    );
    expect(reopenings.map((e) => e.data.reopened)).toEqual([false, true]);
  });

  it('asks crm who the customer is on their first message in an inbox only', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const before = service.crmRequests;

    await receive(inboundMessage(target, { visitorId }));
    await receive(inboundMessage(target, { visitorId }));
    await receive(inboundMessage(target, { visitorId }));

    expect(service.crmRequests - before).toBe(1);
  });

  it('refers a reply to the message of the inbox it answers, and to none it does not know', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const first = inboundMessage(target, { visitorId });
    const answer = {
      ...inboundMessage(target, { visitorId }),
      replyToExternalMessageId: first.externalMessageId,
    };
    const stray = {
      ...inboundMessage(target, { visitorId }),
      replyToExternalMessageId: 'never-stored',
    };
    await receive(first);
    await receive(answer);
    await receive(stray);

    const [conversation] = await conversationsOf(visitorId);
    const stored = await service
      .get(MessageRepository)
      .listAfter({ conversationId: conversation.id, afterSeq: 0, limit: 10 });
    expect(stored.map((m) => m.replyToMessageId)).toEqual([null, stored[0].id, null]);
  });

  it('refuses a message naming an inbox of another workspace and stores nothing', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const foreign = { workspaceId: randomUUID(), inboxId: target.inboxId };

    await expect(receive(inboundMessage(foreign, { visitorId }))).rejects.toMatchObject({
      kind: 'not_found',
      code: 'INBOX_NOT_FOUND',
    });
    expect(await conversationsOf(visitorId)).toEqual([]);
  });
});
