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

  const page = (target: InboxTarget, filter: Partial<ListConversationsRequest> = {}) =>
    list.page({ workspaceId: target.workspaceId, actor: agent, view: 'all', ...filter });
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
      const [item] = await list.page({ workspaceId: target.workspaceId, actor, view: 'all' });
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
