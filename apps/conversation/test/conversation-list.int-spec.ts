import { randomUUID } from 'node:crypto';
import type { ConversationListItem, ListConversationsRequest } from '@hub/contracts';
import { AgentRole, Channel, ConversationStatus, Priority } from '@hub/domain';
import { ConversationLifecycle } from '../src/conversations/conversation-lifecycle';
import { ConversationList } from '../src/conversations/conversation-list.query';
import { SendAgentMessage } from '../src/messages/send-agent-message.use-case';
import { ReadPositions } from '../src/reads/read-positions';
import { Tags } from '../src/tags/tags';
import {
  ConversationUnderTest,
  inboundMessage,
  type InboxTarget,
} from './support/conversation-under-test';
import { openConversation } from './support/conversations';
import { ReceiveInboundMessage } from '../src/messages/receive-inbound-message.use-case';

describe('the conversation list: filters, search, unread counts and tags', () => {
  let service: ConversationUnderTest;
  let list: ConversationList;
  let tags: Tags;
  let reads: ReadPositions;
  const agent = { agentId: randomUUID(), role: AgentRole.Agent };
  const colleague = { agentId: randomUUID(), role: AgentRole.Agent };

  beforeAll(async () => {
    service = await ConversationUnderTest.start('list');
    service.enrol(agent);
    service.enrol(colleague);
    list = service.get(ConversationList);
    tags = service.get(Tags);
    reads = service.get(ReadPositions);
  });

  afterAll(() => service?.stop());

  const page = async (target: InboxTarget, filter: Partial<ListConversationsRequest> = {}) =>
    (await list.page({ workspaceId: target.workspaceId, actor: agent, view: 'all', ...filter }))
      .items;
  const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

  async function customerWrites(target: InboxTarget, visitorId: string, content: string) {
    await service
      .get(ReceiveInboundMessage)
      .execute(inboundMessage(target, { visitorId, content }));
  }

  it('narrows by status, priority, department and channel, newest activity first', async () => {
    const web = await service.createInbox();
    const email = await service.createInbox(web.workspaceId, Channel.Email);
    const urgent = await openConversation(service, web);
    const plain = await openConversation(service, web);
    const mailed = await openConversation(service, email);
    const sales = randomUUID();
    await service.dataSource.query(
      `update conversation.conversations set priority = $2, department_id = $3 where id = $1`,
      [urgent.id, Priority.Urgent, sales],
    );

    expect(ids(await page(web, { priority: Priority.Urgent }))).toEqual([urgent.id]);
    expect(ids(await page(web, { departmentId: sales }))).toEqual([urgent.id]);
    expect(ids(await page(web, { channel: Channel.Email }))).toEqual([mailed.id]);
    expect(ids(await page(web, { channel: Channel.Web }))).toEqual(ids([urgent, plain]));
    expect(ids(await page(web, { ids: [plain.id, randomUUID()] }))).toEqual([plain.id]);
    expect(await page(web, { status: ConversationStatus.Resolved })).toEqual([]);
    // The update above left updated_at alone: the newest opened comes first.
    expect((await page(web, { status: ConversationStatus.Open })).map((c) => c.id)).toEqual([
      mailed.id,
      plain.id,
      urgent.id,
    ]);
  });

  it('finds conversations by a word inside Chinese and Japanese messages, the channel id or the customer', async () => {
    const target = await service.createInbox();
    const chinese = `visitor-${randomUUID()}`;
    const japanese = `visitor-${randomUUID()}`;
    const byCustomer = await openConversation(service, target);
    const other = await openConversation(service, target);
    await customerWrites(target, chinese, '你好，我想申请退款，订单号是 A-1');
    await customerWrites(target, japanese, 'すみません、注文の確認をお願いします');
    const [zh] = await page(target, { q: '退款' });
    const [ja] = await page(target, { q: '注文の確認' });

    expect(zh.customerExternalId).toBe(chinese);
    expect(ja.customerExternalId).toBe(japanese);
    expect(ids(await page(target, { q: chinese.slice(8, 20) }))).toEqual([zh.id]);
    expect(
      ids(await page(target, { q: 'no such words', customerIds: [byCustomer.customerId] })),
    ).toEqual([byCustomer.id]);
    // %, _ and \ are searched for as they are, not as patterns.
    expect(await page(target, { q: '%' })).toEqual([]);
    expect(ids(await page(target))).toContain(other.id);
  });

  /** Every page of a walk, `limit` at a time, following `nextCursor` to its end. */
  async function walk(target: InboxTarget, filter: Partial<ListConversationsRequest> = {}) {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const answer = await list.page({
        workspaceId: target.workspaceId,
        actor: agent,
        view: 'all',
        limit: 2,
        ...filter,
        ...(cursor ? { cursor } : {}),
      });
      pages.push(answer.items.map((item) => item.id));
      cursor = answer.nextCursor ?? undefined;
    } while (cursor && pages.length < 20);
    return pages;
  }

  it('pages through the list newest first, id breaking ties, each conversation once', async () => {
    const target = await service.createInbox();
    const opened = await Promise.all(
      Array.from({ length: 7 }, () => openConversation(service, target)),
    );
    // Three share one updated_at to the microsecond: only the id orders them.
    const tied = opened.slice(0, 3).map((conversation) => conversation.id);
    await service.dataSource.query(
      `update conversation.conversations set updated_at = '2026-11-30T10:00:00.123456Z'
        where id = any($1::uuid[])`,
      [tied],
    );
    const everything = await page(target, { limit: 100 });

    const pages = await walk(target);
    expect(pages.map((ids) => ids.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flat()).toEqual(everything.map((item) => item.id));
    expect(pages.flat().slice(-3)).toEqual([...tied].sort().reverse());
  });

  it('walks a search page by page too, every match once, and stops at the last', async () => {
    const target = await service.createInbox();
    const word = `order-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 5; i++) await customerWrites(target, `visitor-${randomUUID()}`, word);
    await openConversation(service, target); // without the word

    const pages = await walk(target, { q: word });
    expect(pages.map((ids) => ids.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.flat()).size).toBe(5);
    expect(pages.flat()).toEqual((await page(target, { q: word })).map((item) => item.id));
  });

  it('never shows a conversation twice when one changes during a walk', async () => {
    const target = await service.createInbox();
    const visitors = Array.from({ length: 5 }, () => `visitor-${randomUUID()}`);
    for (const visitor of visitors) await customerWrites(target, visitor, 'hello');
    const first = await list.page({
      workspaceId: target.workspaceId,
      actor: agent,
      view: 'all',
      limit: 2,
    });
    // One already shown and one not yet reached both move to the top.
    await customerWrites(target, visitors.at(-1) ?? '', 'again');
    await customerWrites(target, visitors[0], 'again');
    const rest = await walk(target, { cursor: first.nextCursor ?? undefined });
    const seen = [...first.items.map((item) => item.id), ...rest.flat()];

    expect(new Set(seen).size).toBe(seen.length);
    // Keyset order: the walk goes on below the cursor; the moved ones wait for the next refresh.
    expect(seen.length).toBe(4);
  });

  it('refuses a cursor it did not give with CURSOR_INVALID', async () => {
    const target = await service.createInbox();
    for (const cursor of ['bm90LWEtY3Vyc29y', Buffer.from('["now","x"]').toString('base64url')]) {
      await expect(page(target, { cursor })).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
    }
  });

  it('counts the customer’s messages after each agent’s read position and resets it on read', async () => {
    const target = await service.createInbox();
    const visitorId = `visitor-${randomUUID()}`;
    const conversation = await openConversation(service, target, visitorId);
    await service.get(ConversationLifecycle).assign({
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      agentId: agent.agentId,
      expectedAssigneeId: null,
    });
    await customerWrites(target, visitorId, 'second');
    await service.get(SendAgentMessage).execute({
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      actor: agent,
      clientMessageId: 'reply-1',
      content: 'an answer is not unread',
    });
    await customerWrites(target, visitorId, 'third');
    const unread = async (actor: typeof agent): Promise<number> => {
      const [item] = (await list.page({ workspaceId: target.workspaceId, actor, view: 'all' }))
        .items;
      return item.unreadCount;
    };
    const markRead = (agentId: string, seq?: number) =>
      reads.markRead({
        workspaceId: target.workspaceId,
        conversationId: conversation.id,
        agentId,
        seq,
      });

    expect(await unread(agent)).toBe(3);
    expect(await markRead(agent.agentId, 2)).toEqual({
      conversationId: conversation.id,
      lastReadSeq: 2,
      unreadCount: 1,
    });
    expect(await markRead(agent.agentId)).toMatchObject({ lastReadSeq: 4, unreadCount: 0 });
    // A read position never moves back, and is each agent's own.
    expect(await markRead(agent.agentId, 1)).toMatchObject({ lastReadSeq: 4, unreadCount: 0 });
    expect(await unread(agent)).toBe(0);
    expect(await unread(colleague)).toBe(3);
    await customerWrites(target, visitorId, 'fourth');
    expect(await unread(agent)).toBe(1);
    await expect(
      reads.markRead({
        workspaceId: randomUUID(),
        conversationId: conversation.id,
        agentId: agent.agentId,
      }),
    ).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
  });

  it('keeps workspace tags on conversations, lists and filters by them, and refuses another workspace’s', async () => {
    const target = await service.createInbox();
    const { workspaceId } = target;
    const vip = await tags.create({ workspaceId, name: 'VIP', colour: '#c0392b' });
    const refund = await tags.create({ workspaceId, name: '退款', colour: '#2471a3' });
    const foreign = await tags.create({
      workspaceId: randomUUID(),
      name: 'VIP',
      colour: '#000000',
    });
    const tagged = await openConversation(service, target);
    const untagged = await openConversation(service, target);
    const set = (tagId: string, on: boolean, conversationId = tagged.id, ws = workspaceId) =>
      tags.set({ workspaceId: ws, conversationId, tagId, tagged: on });

    await expect(
      tags.create({ workspaceId, name: 'vip', colour: '#111111' }),
    ).rejects.toMatchObject({ code: 'TAG_NAME_TAKEN' });
    expect(await set(vip.id, true)).toEqual([vip]);
    expect(await set(vip.id, true)).toEqual([vip]); // twice: still once
    expect(await set(refund.id, true)).toEqual([vip, refund]);
    await expect(set(foreign.id, true)).rejects.toMatchObject({ code: 'TAG_NOT_FOUND' });
    await expect(set(vip.id, true, tagged.id, randomUUID())).rejects.toMatchObject({
      code: 'TAG_NOT_FOUND',
    });

    const byTag: ConversationListItem[] = await page(target, { tagId: refund.id });
    expect(byTag.map((item) => [item.id, item.tags])).toEqual([[tagged.id, [vip, refund]]]);
    expect((await page(target, { ids: [untagged.id] }))[0].tags).toEqual([]);

    const renamed = await tags.update({ workspaceId, tagId: vip.id, name: 'Gold' });
    expect(await tags.ofConversation(workspaceId, tagged.id)).toEqual([renamed, refund]);
    expect(await set(refund.id, false)).toEqual([renamed]);
    await tags.delete({ workspaceId, tagId: vip.id });
    expect(await tags.ofConversation(workspaceId, tagged.id)).toEqual([]);
    expect(await tags.list(workspaceId)).toEqual([refund]);
    await expect(tags.ofConversation(randomUUID(), tagged.id)).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_FOUND',
    });
  });
});
