import { randomUUID } from 'node:crypto';
import { SUBJECTS, type ConversationView } from '@hub/contracts';
import { AgentRole, ConversationStatus } from '@hub/domain';
import { ConversationLifecycle } from '../src/conversations/conversation-lifecycle';
import { ConversationRepository } from '../src/conversations/conversation.repository';
import { ConversationUnderTest, type InboxTarget } from './support/conversation-under-test';
import { backdateOpening, openConversation } from './support/conversations';

describe('conversation lifecycle', () => {
  let service: ConversationUnderTest;
  let target: InboxTarget;
  let lifecycle: ConversationLifecycle;
  const agent = { agentId: randomUUID(), role: AgentRole.Agent };
  const otherAgent = { agentId: randomUUID(), role: AgentRole.Agent };
  const supervisor = { agentId: randomUUID(), role: AgentRole.Supervisor };

  beforeAll(async () => {
    service = await ConversationUnderTest.start('lifecycle');
    target = await service.createInbox();
    service.enrol(agent, otherAgent, supervisor);
    lifecycle = service.get(ConversationLifecycle);
  });

  afterAll(() => service?.stop());

  const keyOf = (conversation: ConversationView) => ({
    workspaceId: target.workspaceId,
    conversationId: conversation.id,
  });

  const assign = (conversation: ConversationView, agentId: string, expected: string | null) =>
    lifecycle.assign({ ...keyOf(conversation), agentId, expectedAssigneeId: expected });

  async function assignedConversation(): Promise<ConversationView> {
    return assign(await openConversation(service, target), agent.agentId, null);
  }

  const storedRow = async (conversationId: string) => {
    const row = await service
      .get(ConversationRepository)
      .findInWorkspace(target.workspaceId, conversationId);
    if (!row) throw new Error(`conversation ${conversationId} is gone`);
    return row;
  };

  /** The subjects of the conversation's outbox rows, oldest first. */
  const outboxSubjects = async (conversationId: string): Promise<string[]> => {
    const rows: { subject: string }[] = await service.dataSource.query(
      `select subject from conversation.outbox where payload->>'conversationId' = $1 order by id`,
      [conversationId],
    );
    return rows.map((row) => row.subject);
  };

  it('assigns only while the assignee is still the one the caller saw, and transfers on that condition', async () => {
    const conversation = await openConversation(service, target);

    const assigned = await assign(conversation, agent.agentId, null);
    await expect(assign(conversation, otherAgent.agentId, null)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'CONVERSATION_ASSIGNEE_CHANGED',
    });
    const transferred = await assign(conversation, otherAgent.agentId, agent.agentId);

    expect(assigned).toMatchObject({ status: 'assigned', assigneeId: agent.agentId });
    expect(transferred).toMatchObject({ status: 'assigned', assigneeId: otherAgent.agentId });
    expect(await outboxSubjects(conversation.id)).toEqual([
      SUBJECTS.conversation.messageCreated.subject,
      SUBJECTS.conversation.conversationOpened.subject,
      SUBJECTS.conversation.conversationAssigned.subject,
      SUBJECTS.conversation.conversationAssigned.subject,
    ]);
  });

  it('returns a conversation to the queue of the department given', async () => {
    const conversation = await assignedConversation();
    const departmentId = randomUUID();

    const queued = await lifecycle.unassign({
      ...keyOf(conversation),
      expectedAssigneeId: agent.agentId,
      departmentId,
    });

    expect(queued).toMatchObject({ status: 'open', assigneeId: null, departmentId });
  });

  it('lets only the assignee resolve among agents, and a supervisor any conversation', async () => {
    const mine = await assignedConversation();
    const someoneElses = await assignedConversation();

    await expect(
      lifecycle.resolve({ ...keyOf(someoneElses), actor: otherAgent }),
    ).rejects.toMatchObject({ kind: 'forbidden', code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU' });
    const byAssignee = await lifecycle.resolve({ ...keyOf(mine), actor: agent });
    const bySupervisor = await lifecycle.resolve({ ...keyOf(someoneElses), actor: supervisor });

    expect(byAssignee.status).toBe('resolved');
    expect(bySupervisor.status).toBe('resolved');
  });

  it('records the resolution time from opening to resolving', async () => {
    const conversation = await assignedConversation();
    await backdateOpening(service, conversation.id, 300);

    const resolved = await lifecycle.resolve({ ...keyOf(conversation), actor: agent });

    const row = await storedRow(conversation.id);
    expect(resolved.resolvedAt).not.toBeNull();
    expect(row.resolutionSeconds).toBeGreaterThanOrEqual(300);
    expect(row.resolutionSeconds).toBeLessThan(310);
  });

  it('refuses what the state machine forbids, changing nothing and announcing nothing', async () => {
    const open = await openConversation(service, target);
    const resolved = await assignedConversation();
    await lifecycle.resolve({ ...keyOf(resolved), actor: agent });
    const before = await Promise.all([storedRow(open.id), storedRow(resolved.id)]);
    const eventsBefore = await Promise.all([outboxSubjects(open.id), outboxSubjects(resolved.id)]);

    await expect(lifecycle.reopen({ ...keyOf(open), actor: supervisor })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'CONVERSATION_ILLEGAL_TRANSITION',
    });
    await expect(
      lifecycle.resolve({ ...keyOf(resolved), actor: supervisor }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'CONVERSATION_ILLEGAL_TRANSITION' });
    await expect(assign(resolved, otherAgent.agentId, agent.agentId)).rejects.toMatchObject({
      code: 'CONVERSATION_ILLEGAL_TRANSITION',
    });

    expect(await Promise.all([storedRow(open.id), storedRow(resolved.id)])).toEqual(before);
    expect(await Promise.all([outboxSubjects(open.id), outboxSubjects(resolved.id)])).toEqual(
      eventsBefore,
    );
  });

  it('reopens a resolved conversation by hand for routing: nobody assigned, resolution cleared', async () => {
    const conversation = await assignedConversation();
    await lifecycle.resolve({ ...keyOf(conversation), actor: agent });

    const reopened = await lifecycle.reopen({ ...keyOf(conversation), actor: supervisor });

    expect(reopened).toMatchObject({ status: 'open', assigneeId: null, resolvedAt: null });
    expect(await storedRow(conversation.id)).toMatchObject({
      status: ConversationStatus.Open,
      resolutionSeconds: null,
    });
    expect((await outboxSubjects(conversation.id)).slice(-2)).toEqual([
      SUBJECTS.conversation.conversationResolved.subject,
      SUBJECTS.conversation.conversationOpened.subject,
    ]);
  });

  it('lets only the last assignee reopen among agents, and a supervisor any, changing nothing on refusal', async () => {
    const mine = await assignedConversation();
    const someoneElses = await assignedConversation();
    await lifecycle.resolve({ ...keyOf(mine), actor: agent });
    await lifecycle.resolve({ ...keyOf(someoneElses), actor: agent });
    const eventsBefore = await outboxSubjects(someoneElses.id);

    await expect(
      lifecycle.reopen({ ...keyOf(someoneElses), actor: otherAgent }),
    ).rejects.toMatchObject({ kind: 'forbidden', code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU' });
    expect(await storedRow(someoneElses.id)).toMatchObject({
      status: ConversationStatus.Resolved,
      assigneeId: agent.agentId,
    });
    expect(await outboxSubjects(someoneElses.id)).toEqual(eventsBefore);
    const byAssignee = await lifecycle.reopen({ ...keyOf(mine), actor: agent });
    const bySupervisor = await lifecycle.reopen({ ...keyOf(someoneElses), actor: supervisor });

    expect(byAssignee.status).toBe('open');
    expect(bySupervisor.status).toBe('open');
  });

  it('leaves a conversation resolved while nobody had it to supervisors and admins to reopen', async () => {
    const unassigned = await openConversation(service, target);
    await lifecycle.resolve({ ...keyOf(unassigned), actor: supervisor });

    await expect(lifecycle.reopen({ ...keyOf(unassigned), actor: agent })).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU',
    });
    const admin = { agentId: randomUUID(), role: AgentRole.Admin };
    service.enrol(admin);
    await expect(lifecycle.reopen({ ...keyOf(unassigned), actor: admin })).resolves.toMatchObject({
      status: 'open',
    });
  });

  it('treats a conversation of another workspace as not found', async () => {
    const conversation = await assignedConversation();
    const elsewhere = { workspaceId: randomUUID(), conversationId: conversation.id };

    await expect(
      lifecycle.assign({
        ...elsewhere,
        agentId: otherAgent.agentId,
        expectedAssigneeId: agent.agentId,
      }),
    ).rejects.toMatchObject({ kind: 'not_found', code: 'CONVERSATION_NOT_FOUND' });
    await expect(lifecycle.resolve({ ...elsewhere, actor: supervisor })).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_FOUND',
    });
    expect(await storedRow(conversation.id)).toMatchObject({ assigneeId: agent.agentId });
  });
});
