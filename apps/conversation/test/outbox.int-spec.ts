import { randomUUID } from 'node:crypto';
import { SUBJECTS } from '@hub/contracts';
import { waitFor } from '@hub/testing';
import { MessageRepository } from '../src/messages/message.repository';
import { Outbox, pendingEvent, type PendingEvent } from '@hub/outbox';
import { ConversationUnderTest, type InboxTarget } from './support/conversation-under-test';
import { openConversation } from './support/conversations';

interface OutboxRow {
  eventId: string;
  subject: string;
  createdAt: Date;
  publishedAt: Date | null;
}

describe('conversation outbox', () => {
  let service: ConversationUnderTest;
  let target: InboxTarget;

  beforeAll(async () => {
    service = await ConversationUnderTest.start('outbox');
    target = await service.createInbox();
  });

  afterAll(() => service?.stop());

  const rowsWhere = async (condition: string, value: string): Promise<OutboxRow[]> =>
    service.dataSource.query(
      `select event_id as "eventId", subject, created_at as "createdAt", published_at as "publishedAt"
         from conversation.outbox where ${condition} = $1 order by id`,
      [value],
    );
  const rowsOfConversation = (conversationId: string) =>
    rowsWhere(`payload->>'conversationId'`, conversationId);
  const rowOfEvent = async (eventId: string) => (await rowsWhere('event_id', eventId))[0];

  const storedCopies = async (eventId: string) =>
    (await service.storedEvents()).filter((e) => e.msgId === eventId && e.data.eventId === eventId);

  /** Makes a row look as if the process that wrote it died before it was published. */
  const leftByACrash = (eventId: string) =>
    service.dataSource.query(
      `update conversation.outbox
          set published_at = null, created_at = created_at - interval '1 minute'
        where event_id = $1`,
      [eventId],
    );

  function resolvedEvent(): PendingEvent {
    const eventId = `test-resolved:${randomUUID()}`;
    return pendingEvent(SUBJECTS.conversation.conversationResolved, target.workspaceId, {
      eventId,
      workspaceId: target.workspaceId,
      conversationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      assigneeId: null,
    });
  }

  it('writes a message’s events in the transaction that stores it, and publishes each once', async () => {
    const conversation = await openConversation(service, target);
    const [message] = await service
      .get(MessageRepository)
      .listAfter({ conversationId: conversation.id, afterSeq: 0, limit: 1 });

    const rows = await rowsOfConversation(conversation.id);

    expect(rows.map((row) => row.subject)).toEqual([
      SUBJECTS.conversation.messageCreated.subject,
      SUBJECTS.conversation.conversationOpened.subject,
    ]);
    // now() is the transaction's start time: rows stamped alike were written by one transaction.
    for (const row of rows) expect(row.createdAt).toEqual(message.createdAt);
    expect(new Date(conversation.updatedAt)).toEqual(message.createdAt);
    for (const row of rows) expect(await storedCopies(row.eventId)).toHaveLength(1);
    await waitFor(
      async () => (await rowsOfConversation(conversation.id)).every((row) => row.publishedAt),
      5_000,
      () => 'the published events were not marked',
    );
  });

  it('publishes an event whose writer died before publishing it, through the sweep', async () => {
    const event = resolvedEvent();
    const outbox = service.get(Outbox);
    await service.dataSource.transaction((tx) => outbox.add(tx, [event]));
    await leftByACrash(event.eventId);

    await waitFor(async () => (await rowOfEvent(event.eventId)).publishedAt !== null, 10_000);

    expect(await storedCopies(event.eventId)).toHaveLength(1);
  });

  it('keeps one copy of an event published but not yet marked when its writer died', async () => {
    const event = resolvedEvent();
    const outbox = service.get(Outbox);
    await service.dataSource.transaction((tx) => outbox.add(tx, [event]));
    await outbox.flush([event]);
    await waitFor(async () => (await rowOfEvent(event.eventId)).publishedAt !== null, 5_000);
    await leftByACrash(event.eventId);

    await waitFor(async () => (await rowOfEvent(event.eventId)).publishedAt !== null, 10_000);

    expect(await storedCopies(event.eventId)).toHaveLength(1);
  });
});
