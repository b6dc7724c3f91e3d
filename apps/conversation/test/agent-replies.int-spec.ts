import { randomUUID } from 'node:crypto';
import { SUBJECTS, type ConversationView } from '@hub/contracts';
import { AgentRole, ConversationStatus } from '@hub/domain';
import { ConversationLifecycle } from '../src/conversations/conversation-lifecycle';
import { ConversationRepository } from '../src/conversations/conversation.repository';
import { MessageRepository } from '../src/messages/message.repository';
import { SendAgentMessage } from '../src/messages/send-agent-message.use-case';
import { ConversationUnderTest, type InboxTarget } from './support/conversation-under-test';
import { backdateOpening, openConversation } from './support/conversations';

describe('agent replies', () => {
  let service: ConversationUnderTest;
  let target: InboxTarget;
  const agent = { agentId: randomUUID(), role: AgentRole.Agent };
  const otherAgent = { agentId: randomUUID(), role: AgentRole.Agent };
  const supervisor = { agentId: randomUUID(), role: AgentRole.Supervisor };
  const admin = { agentId: randomUUID(), role: AgentRole.Admin };

  beforeAll(async () => {
    service = await ConversationUnderTest.start('replies');
    target = await service.createInbox();
    service.enrol(agent, otherAgent, supervisor, admin);
  });

  afterAll(() => service?.stop());

  const reply = (
    conversation: ConversationView,
    actor: { agentId: string; role: AgentRole },
    clientMessageId: string,
    content = `answer ${clientMessageId}`,
  ) =>
    service.get(SendAgentMessage).execute({
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      actor,
      clientMessageId,
      content,
    });

  async function assignedConversation(): Promise<ConversationView> {
    const conversation = await openConversation(service, target);
    return service.get(ConversationLifecycle).assign({
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      agentId: agent.agentId,
      expectedAssigneeId: null,
    });
  }

  const stored = async (conversationId: string) => {
    const messages = await service
      .get(MessageRepository)
      .listAfter({ conversationId, afterSeq: 0, limit: 100 });
    return messages.map((m) => [m.seq, m.senderId, m.content]);
  };

  const storedRow = async (conversationId: string) => {
    const row = await service
      .get(ConversationRepository)
      .findInWorkspace(target.workspaceId, conversationId);
    if (!row) throw new Error(`conversation ${conversationId} is gone`);
    return row;
  };

  it('stores a reply once per agent and client message id, and answers a resend with the stored reply', async () => {
    const conversation = await assignedConversation();

    const first = await reply(conversation, agent, 'c-1', 'first try');
    const resent = await reply(conversation, agent, 'c-1', 'first try, sent again');

    expect(resent).toEqual(first);
    expect(await stored(conversation.id)).toEqual([
      [1, null, expect.any(String)],
      [2, agent.agentId, 'first try'],
    ]);
    const created = (await service.storedEvents()).filter(
      (e) =>
        e.data.conversationId === conversation.id &&
        e.subject === SUBJECTS.conversation.messageCreated.subject,
    );
    expect(created).toHaveLength(2);
  });

  it('keeps two agents’ replies apart when their clients chose the same message id', async () => {
    const conversation = await assignedConversation();

    await reply(conversation, agent, 'same-id', 'from the agent');
    await reply(conversation, supervisor, 'same-id', 'from the supervisor');

    expect((await stored(conversation.id)).slice(1)).toEqual([
      [2, agent.agentId, 'from the agent'],
      [3, supervisor.agentId, 'from the supervisor'],
    ]);
  });

  it('lets only the assignee reply among agents, and a supervisor or an admin on any conversation', async () => {
    const conversation = await assignedConversation();

    await expect(reply(conversation, otherAgent, 'x-1')).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU',
    });
    await reply(conversation, supervisor, 's-1');
    await reply(conversation, admin, 'a-1');

    expect((await stored(conversation.id)).map(([seq, senderId]) => [seq, senderId])).toEqual([
      [1, null],
      [2, supervisor.agentId],
      [3, admin.agentId],
    ]);
    expect(await storedRow(conversation.id)).toMatchObject({ lastSeq: 3 });
  });

  it('judges by the role routing holds now, not the one the request carries', async () => {
    const conversation = await assignedConversation();
    const demoted = { agentId: randomUUID(), role: AgentRole.Supervisor };
    const removed = { agentId: randomUUID(), role: AgentRole.Admin };
    service.enrol({ ...demoted, role: AgentRole.Agent }, { ...removed, active: false });

    await expect(reply(conversation, demoted, 'd-1')).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU',
    });
    await expect(reply(conversation, removed, 'r-1')).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'CONVERSATION_ACTOR_UNKNOWN',
    });
    await expect(reply(conversation, otherAgent, 'o-1')).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU',
    });
    expect(await storedRow(conversation.id)).toMatchObject({ lastSeq: 1 });
  });

  it('follows a demotion within a second', async () => {
    const conversation = await assignedConversation();
    const supervisorToBe = { agentId: randomUUID(), role: AgentRole.Supervisor };
    service.enrol(supervisorToBe);
    await reply(conversation, supervisorToBe, 'before');

    service.enrol({ ...supervisorToBe, role: AgentRole.Agent });
    await new Promise((resolve) => setTimeout(resolve, 1_050));

    await expect(reply(conversation, supervisorToBe, 'after')).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU',
    });
  });

  it('refuses an agent’s reply to a conversation waiting in the queue', async () => {
    const conversation = await openConversation(service, target);

    await expect(reply(conversation, agent, 'q-1')).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU',
    });
  });

  it('refuses a reply to a resolved conversation without taking a sequence number', async () => {
    const conversation = await assignedConversation();
    await service.get(ConversationLifecycle).resolve({
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      actor: agent,
    });

    await expect(reply(conversation, supervisor, 'late-1')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'CONVERSATION_ILLEGAL_TRANSITION',
    });
    expect(await storedRow(conversation.id)).toMatchObject({
      status: ConversationStatus.Resolved,
      lastSeq: 1,
    });
  });

  it('records the first response time at the first reply, and never moves it after', async () => {
    const conversation = await assignedConversation();
    await backdateOpening(service, conversation.id, 90);

    await reply(conversation, agent, 'r-1');
    const afterFirst = await storedRow(conversation.id);
    await reply(conversation, agent, 'r-2');
    const afterSecond = await storedRow(conversation.id);

    expect(afterFirst.firstResponseSeconds).toBeGreaterThanOrEqual(90);
    expect(afterFirst.firstResponseSeconds).toBeLessThan(100);
    expect(afterFirst.firstResponseAt).not.toBeNull();
    expect(afterSecond.firstResponseAt).toEqual(afterFirst.firstResponseAt);
    expect(afterSecond.firstResponseSeconds).toBe(afterFirst.firstResponseSeconds);
  });

  it('treats a conversation of another workspace as not found', async () => {
    const conversation = await assignedConversation();

    await expect(
      service.get(SendAgentMessage).execute({
        workspaceId: randomUUID(),
        conversationId: conversation.id,
        actor: admin,
        clientMessageId: 'elsewhere-1',
        content: 'hello from elsewhere',
      }),
    ).rejects.toMatchObject({ kind: 'not_found', code: 'CONVERSATION_NOT_FOUND' });
    expect(await stored(conversation.id)).toHaveLength(1);
  });
});
