import { randomUUID } from 'node:crypto';
import type { InboundMessageReceived } from '@hub/contracts';
import { Channel, ConversationStatus } from '@hub/domain';
import { CustomerMoves } from '../src/customers/customer-moves';
import { MergeCustomerConversations } from '../src/customers/merge-customer-conversations.use-case';
import { UnmergeCustomerConversations } from '../src/customers/unmerge-customer-conversations.use-case';
import { ReceiveInboundMessage } from '../src/messages/receive-inbound-message.use-case';
import {
  ConversationUnderTest,
  inboundMessage,
  type InboxTarget,
} from './support/conversation-under-test';

interface StoredMessage {
  channelMessageId: string;
  customerExternalId: string;
  customerId: string;
  conversationId: string;
  seq: number;
}

// crm's merges as the conversation service applies them. crm is played by the test bed (one
// customer per channel identity, as crm's identity rule makes it): like crm during a merge's
// short window, it keeps answering the merged customer for that customer's identities.
describe('conversations following customer merges', () => {
  let service: ConversationUnderTest;

  beforeAll(async () => {
    service = await ConversationUnderTest.start('merges');
  });

  afterAll(() => service?.stop());

  const receive = (message: InboundMessageReceived) =>
    service.get(ReceiveInboundMessage).execute(message);

  const mergeConversations = (workspaceId: string, mergeId: string, from: string, to: string) =>
    service
      .get(MergeCustomerConversations)
      .execute({ workspaceId, mergeId, fromCustomerId: from, toCustomerId: to });

  const unmergeConversations = (
    workspaceId: string,
    mergeId: string,
    survivor: string,
    restored: { customerId: string; visitorIds: string[] },
  ) =>
    service.get(UnmergeCustomerConversations).execute({
      workspaceId,
      mergeId,
      fromCustomerId: survivor,
      toCustomerId: restored.customerId,
      identities: restored.visitorIds.map((externalId) => ({ channel: Channel.Web, externalId })),
    });

  /** A visitor's first message; resolves with the customer the test's crm gave them. */
  async function customerOf(target: InboxTarget, visitorId: string): Promise<string> {
    await receive(inboundMessage(target, { visitorId }));
    return (await conversationsOfVisitor(visitorId))[0].customer_id;
  }

  const conversationsOfVisitor = (visitorId: string) =>
    service.dataSource.query<
      { id: string; customer_id: string; inbox_id: string; status: string }[]
    >(
      `select id, customer_id, inbox_id, status from conversation.conversations
        where customer_external_id = $1 order by created_at`,
      [visitorId],
    );

  const storedMessages = (workspaceId: string) =>
    service.dataSource.query<StoredMessage[]>(
      `select m.channel_message_id as "channelMessageId", c.customer_external_id as "customerExternalId",
              c.customer_id as "customerId", c.id as "conversationId", m.seq::int as seq
         from conversation.messages m join conversation.conversations c on c.id = m.conversation_id
        where m.workspace_id = $1 order by c.id, m.seq`,
      [workspaceId],
    );

  it('moves every conversation of the merged customer; both active ones in one inbox stay open, one per visitor', async () => {
    const target = await service.createInbox();
    const { workspaceId } = target;
    const survivor = await customerOf(target, 'visitor-s');
    const merged = await customerOf(target, 'visitor-m');

    const reply = await mergeConversations(workspaceId, randomUUID(), merged, survivor);

    const [mergedConversation] = await conversationsOfVisitor('visitor-m');
    const [survivorConversation] = await conversationsOfVisitor('visitor-s');
    expect(reply.conversationIds).toEqual([mergedConversation.id]);
    for (const conversation of [mergedConversation, survivorConversation])
      expect(conversation).toMatchObject({
        customer_id: survivor,
        status: ConversationStatus.Open,
      });

    // Each visitor's next message joins their own conversation, not the other's.
    await receive(inboundMessage(target, { visitorId: 'visitor-m' }));
    await receive(inboundMessage(target, { visitorId: 'visitor-s' }));
    const perConversation = await service.dataSource.query<{ id: string; last_seq: string }[]>(
      `select id, last_seq from conversation.conversations where id = any($1::uuid[]) order by id`,
      [[mergedConversation.id, survivorConversation.id]],
    );
    expect(perConversation.map((c) => Number(c.last_seq))).toEqual([2, 2]);
  });

  it('sends a message crm still resolves to the merged customer to the surviving one', async () => {
    const target = await service.createInbox();
    const otherInbox = await service.createInbox(target.workspaceId);
    const survivor = await customerOf(target, `s-${randomUUID()}`);
    const visitorId = `m-${randomUUID()}`;
    const merged = await customerOf(target, visitorId);
    await mergeConversations(target.workspaceId, randomUUID(), merged, survivor);

    // No conversation of this visitor in the other inbox: the customer comes from crm.
    await receive(inboundMessage(otherInbox, { visitorId }));

    const conversations = await conversationsOfVisitor(visitorId);
    expect(conversations.map((c) => [c.inbox_id, c.customer_id])).toEqual([
      [target.inboxId, survivor],
      [otherInbox.inboxId, survivor],
    ]);
  });

  it('gives back on undo what moved and what arrived since on the merged customer’s identities, and nothing of the survivor’s', async () => {
    const target = await service.createInbox();
    const otherInbox = await service.createInbox(target.workspaceId);
    const { workspaceId } = target;
    const [own, mergedVisitor] = [`s-${randomUUID()}`, `m-${randomUUID()}`];
    const survivor = await customerOf(target, own);
    const merged = await customerOf(target, mergedVisitor);
    const mergeId = randomUUID();
    await mergeConversations(workspaceId, mergeId, merged, survivor);
    await receive(inboundMessage(otherInbox, { visitorId: mergedVisitor }));
    await receive(inboundMessage(otherInbox, { visitorId: own }));

    const reply = await unmergeConversations(workspaceId, mergeId, survivor, {
      customerId: merged,
      visitorIds: [mergedVisitor],
    });

    const mergedConversations = await conversationsOfVisitor(mergedVisitor);
    expect(mergedConversations.map((c) => c.customer_id)).toEqual([merged, merged]);
    expect(reply.conversationIds.sort()).toEqual(mergedConversations.map((c) => c.id).sort());
    const ownConversations = await conversationsOfVisitor(own);
    expect(ownConversations.map((c) => c.customer_id)).toEqual([survivor, survivor]);
    // The redirect is gone: the restored customer's visitor writes to their own record again.
    await receive(inboundMessage(otherInbox, { visitorId: mergedVisitor }));
    expect((await conversationsOfVisitor(mergedVisitor)).map((c) => c.customer_id)).toEqual([
      merged,
      merged,
    ]);
  });

  it('sends a first message crm resolved just before an undo to the customer the undo gave its sender back to', async () => {
    const target = await service.createInbox();
    const otherInbox = await service.createInbox(target.workspaceId);
    const { workspaceId } = target;
    const survivor = await customerOf(target, `s-${randomUUID()}`);
    const mergedVisitor = `m-${randomUUID()}`;
    const merged = await customerOf(target, mergedVisitor);
    const mergeId = randomUUID();
    await mergeConversations(workspaceId, mergeId, merged, survivor);
    const moves = service.get(CustomerMoves);
    // crm is asked (and answers the survivor) before the undo is applied...
    const seenBefore = await moves.returnsSeen(workspaceId);
    await unmergeConversations(workspaceId, mergeId, survivor, {
      customerId: merged,
      visitorIds: [mergedVisitor],
    });
    const seenAfter = await moves.returnsSeen(workspaceId);
    const firstMessage = (returnsSeen: number) =>
      service.dataSource.transaction((tx) =>
        moves.ownerForMessage(tx, {
          workspaceId,
          inboxId: otherInbox.inboxId,
          channel: Channel.Web,
          customerExternalId: mergedVisitor,
          customerId: survivor,
          returnsSeen,
        }),
      );

    // ...so the message, stored after, goes to the restored customer.
    expect(await firstMessage(seenBefore)).toBe(merged);
    // An answer given after the undo stands (the sender was linked to the survivor since).
    expect(await firstMessage(seenAfter)).toBe(survivor);
  });

  it('answers a repeated merge or undo as the first time, and lets a merge that arrives after its undo move nothing', async () => {
    const target = await service.createInbox();
    const { workspaceId } = target;
    const survivor = await customerOf(target, `s-${randomUUID()}`);
    const mergedVisitor = `m-${randomUUID()}`;
    const merged = await customerOf(target, mergedVisitor);
    const restored = { customerId: merged, visitorIds: [mergedVisitor] };

    const mergeId = randomUUID();
    const first = await mergeConversations(workspaceId, mergeId, merged, survivor);
    expect(await mergeConversations(workspaceId, mergeId, merged, survivor)).toEqual(first);
    const undone = await unmergeConversations(workspaceId, mergeId, survivor, restored);
    expect(await unmergeConversations(workspaceId, mergeId, survivor, restored)).toEqual(undone);
    expect(undone.conversationIds).toEqual(first.conversationIds);

    const late = randomUUID();
    expect(await unmergeConversations(workspaceId, late, survivor, restored)).toEqual({
      conversationIds: [],
    });
    expect(await mergeConversations(workspaceId, late, merged, survivor)).toEqual({
      conversationIds: [],
    });
    expect((await conversationsOfVisitor(mergedVisitor))[0].customer_id).toBe(merged);
  });

  it('stores every message arriving during a merge and its undo once, in order, on the right customer', async () => {
    const target = await service.createInbox();
    const otherInbox = await service.createInbox(target.workspaceId);
    const { workspaceId } = target;
    const survivorVisitors = [`s1-${randomUUID()}`, `s2-${randomUUID()}`];
    const mergedVisitors = [`m1-${randomUUID()}`, `m2-${randomUUID()}`];
    const everyone = [...survivorVisitors, ...mergedVisitors];
    // Every visitor has written in both inboxes; each customer has two visitors (as a site's
    // identify makes it), so their conversations are reassigned to the first one's customer.
    for (const visitorId of everyone)
      for (const inbox of [target, otherInbox]) await receive(inboundMessage(inbox, { visitorId }));
    const customerOfVisitor = async (visitorId: string) =>
      (await conversationsOfVisitor(visitorId))[0].customer_id;
    const survivor = await customerOfVisitor(survivorVisitors[0]);
    const merged = await customerOfVisitor(mergedVisitors[0]);
    await service.dataSource.query(
      `update conversation.conversations set customer_id = $1 where customer_external_id = $2;`,
      [survivor, survivorVisitors[1]],
    );
    await service.dataSource.query(
      `update conversation.conversations set customer_id = $1 where customer_external_id = $2;`,
      [merged, mergedVisitors[1]],
    );
    // Each visitor writes in both inboxes again, several times, while the merge and the undo run.
    const burst = () =>
      everyone.flatMap((visitorId) =>
        [target, otherInbox, target].map((inbox) => inboundMessage(inbox, { visitorId })),
      );
    const mergeId = randomUUID();

    const duringMerge = burst();
    await Promise.all([
      ...duringMerge.slice(0, 6).map(receive),
      mergeConversations(workspaceId, mergeId, merged, survivor),
      ...duringMerge.slice(6).map(receive),
    ]);
    const afterMerge = await storedMessages(workspaceId);
    expect(new Set(afterMerge.map((m) => m.customerId))).toEqual(new Set([survivor]));

    const duringUndo = burst();
    await Promise.all([
      ...duringUndo.slice(0, 6).map(receive),
      unmergeConversations(workspaceId, mergeId, survivor, {
        customerId: merged,
        visitorIds: mergedVisitors,
      }),
      ...duringUndo.slice(6).map(receive),
    ]);
    // Resent, as a connector's retry would: stored once all the same.
    await Promise.all([...duringMerge, ...duringUndo].map(receive));

    const stored = await storedMessages(workspaceId);
    const sent = [...duringMerge, ...duringUndo];
    const ids = stored.map((m) => m.channelMessageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sent.every((m) => ids.includes(m.externalMessageId))).toBe(true);
    for (const message of stored) {
      const owner = mergedVisitors.includes(message.customerExternalId) ? merged : survivor;
      expect([message.customerExternalId, message.customerId]).toEqual([
        message.customerExternalId,
        owner,
      ]);
    }
    // Gap-free sequence numbers in every conversation, one conversation per visitor and inbox.
    const byConversation = new Map<string, number[]>();
    for (const m of stored)
      byConversation.set(m.conversationId, [
        ...(byConversation.get(m.conversationId) ?? []),
        m.seq,
      ]);
    for (const seqs of byConversation.values())
      expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    expect(byConversation.size).toBe(everyone.length * 2);
  });
});
