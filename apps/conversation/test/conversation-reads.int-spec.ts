import { randomUUID } from 'node:crypto';
import type { ConversationView } from '@hub/contracts';
import { AgentRole, Channel, ConversationStatus } from '@hub/domain';
import { CannedResponse } from '../src/canned-responses/canned-response.entity';
import { CannedResponsesHandler } from '../src/canned-responses/canned-responses.handler';
import { ConversationLifecycle } from '../src/conversations/conversation-lifecycle';
import { ConversationList } from '../src/conversations/conversation-list.query';
import { ConversationQueries } from '../src/conversations/conversation-queries';
import { InboxesHandler } from '../src/inboxes/inboxes.handler';
import { SendAgentMessage } from '../src/messages/send-agent-message.use-case';
import { ConversationUnderTest, type InboxTarget } from './support/conversation-under-test';
import { openConversation } from './support/conversations';

describe('conversation reads', () => {
  let service: ConversationUnderTest;
  let queries: ConversationQueries;
  let lifecycle: ConversationLifecycle;
  const agent = { agentId: randomUUID(), role: AgentRole.Agent };

  beforeAll(async () => {
    service = await ConversationUnderTest.start('reads');
    service.enrol(agent);
    queries = service.get(ConversationQueries);
    lifecycle = service.get(ConversationLifecycle);
  });

  afterAll(() => service?.stop());

  const ids = (conversations: ConversationView[]) => conversations.map((c) => c.id).sort();

  async function assignTo(target: InboxTarget, conversation: ConversationView) {
    return lifecycle.assign({
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      agentId: agent.agentId,
      expectedAssigneeId: null,
    });
  }

  it('lists the conversations of a view: mine, the unassigned ones waiting, or all of a status', async () => {
    const target = await service.createInbox();
    const assigned = await assignTo(target, await openConversation(service, target));
    const waiting = await openConversation(service, target);
    const resolved = await assignTo(target, await openConversation(service, target));
    await lifecycle.resolve({
      workspaceId: target.workspaceId,
      conversationId: resolved.id,
      actor: agent,
    });
    const list = async (view: 'mine' | 'unassigned' | 'all', status?: ConversationStatus) =>
      (
        await service
          .get(ConversationList)
          .page({ workspaceId: target.workspaceId, actor: agent, view, status })
      ).items;

    expect(ids(await list('mine'))).toEqual(ids([assigned, resolved]));
    expect(ids(await list('unassigned'))).toEqual(ids([waiting]));
    expect(ids(await list('all', ConversationStatus.Resolved))).toEqual(ids([resolved]));
    expect(ids(await list('all'))).toEqual(ids([assigned, waiting, resolved]));
  });

  it('never shows one workspace’s conversations, messages or inboxes to another', async () => {
    const target = await service.createInbox();
    const visitorId = `visitor-${randomUUID()}`;
    const conversation = await openConversation(service, target, visitorId);
    const otherWorkspaceId = randomUUID();
    const elsewhere = { workspaceId: otherWorkspaceId, conversationId: conversation.id };

    await expect(queries.get(elsewhere)).rejects.toMatchObject({
      kind: 'not_found',
      code: 'CONVERSATION_NOT_FOUND',
    });
    await expect(queries.messages(elsewhere)).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_FOUND',
    });
    await expect(
      queries.visitorHistory({ workspaceId: otherWorkspaceId, inboxId: target.inboxId, visitorId }),
    ).rejects.toMatchObject({ kind: 'not_found', code: 'INBOX_NOT_FOUND' });
    expect(
      await service
        .get(ConversationList)
        .page({ workspaceId: otherWorkspaceId, actor: agent, view: 'all' }),
    ).toEqual({ items: [], nextCursor: null });
  });

  it('gives a visitor their conversation and what they missed after a sequence number, in order', async () => {
    const target = await service.createInbox();
    const visitorId = `visitor-${randomUUID()}`;
    const conversation = await assignTo(target, await openConversation(service, target, visitorId));
    for (const [clientMessageId, content] of [
      ['h-1', 'two'],
      ['h-2', 'three'],
    ]) {
      await service.get(SendAgentMessage).execute({
        workspaceId: target.workspaceId,
        conversationId: conversation.id,
        actor: agent,
        clientMessageId,
        content,
      });
    }

    const history = await queries.visitorHistory({ ...target, visitorId, afterSeq: 1 });
    const nothingYet = await queries.visitorHistory({
      ...target,
      visitorId: `visitor-${randomUUID()}`,
    });

    expect(history.conversation).toMatchObject({ id: conversation.id, lastSeq: 3 });
    expect(history.messages.map((m) => [m.seq, m.content])).toEqual([
      [2, 'two'],
      [3, 'three'],
    ]);
    expect(nothingYet).toEqual({ conversation: null, messages: [] });
  });

  it('pages a conversation’s messages by sequence number', async () => {
    const target = await service.createInbox();
    const conversation = await assignTo(target, await openConversation(service, target));
    for (const n of [1, 2, 3]) {
      await service.get(SendAgentMessage).execute({
        workspaceId: target.workspaceId,
        conversationId: conversation.id,
        actor: agent,
        clientMessageId: `p-${n}`,
        content: `reply ${n}`,
      });
    }

    const page = await queries.messages({
      ...target,
      conversationId: conversation.id,
      afterSeq: 1,
      limit: 2,
    });

    expect(page.map((m) => [m.seq, m.content])).toEqual([
      [2, 'reply 1'],
      [3, 'reply 2'],
    ]);
  });

  it('offers the workspace’s shared canned responses and its department’s own, by shortcut', async () => {
    const workspaceId = randomUUID();
    const sales = randomUUID();
    const support = randomUUID();
    await service.dataSource.manager.insert(CannedResponse, [
      { workspaceId, shortcut: 'thanks', text: 'Thank you!', departmentId: null },
      { workspaceId, shortcut: 'bye', text: 'Goodbye!', departmentId: null },
      { workspaceId, shortcut: 'discount', text: 'Ten percent off.', departmentId: sales },
      { workspaceId, shortcut: 'restart', text: 'Try restarting it.', departmentId: support },
      { workspaceId: randomUUID(), shortcut: 'elsewhere', text: 'Not yours.', departmentId: null },
    ]);
    const handler = service.get(CannedResponsesHandler);

    const shared = await handler.list({ workspaceId });
    const forSales = await handler.list({ workspaceId, departmentId: sales });

    expect(shared.map((r) => r.shortcut)).toEqual(['bye', 'thanks']);
    expect(forSales.map((r) => r.shortcut)).toEqual(['bye', 'discount', 'thanks']);
  });

  it('describes an inbox by id and refuses an unknown one', async () => {
    const target = await service.createInbox(randomUUID(), Channel.Email);
    const inboxes = service.get(InboxesHandler);

    expect(await inboxes.get({ inboxId: target.inboxId })).toMatchObject({
      id: target.inboxId,
      workspaceId: target.workspaceId,
      channel: Channel.Email,
    });
    await expect(inboxes.get({ inboxId: randomUUID() })).rejects.toMatchObject({
      kind: 'not_found',
      code: 'INBOX_NOT_FOUND',
    });
  });
});
