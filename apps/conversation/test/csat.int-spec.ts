import { randomUUID } from 'node:crypto';
import { realtimeSubjects, SUBJECTS, type ConversationView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { ConversationLifecycle } from '../src/conversations/conversation-lifecycle';
import { ConversationQueries } from '../src/conversations/conversation-queries';
import { SubmitCsat } from '../src/csat/submit-csat.use-case';
import { ConversationUnderTest, type InboxTarget } from './support/conversation-under-test';
import { openConversation } from './support/conversations';

describe('CSAT: a visitor rates their resolved conversation', () => {
  let service: ConversationUnderTest;
  let target: InboxTarget;
  let csat: SubmitCsat;
  const agent = { agentId: randomUUID(), role: AgentRole.Agent };

  beforeAll(async () => {
    service = await ConversationUnderTest.start('csat');
    target = await service.createInbox();
    service.enrol(agent);
    csat = service.get(SubmitCsat);
  });

  afterAll(() => service?.stop());

  async function resolvedConversation(visitorId = `visitor-${randomUUID()}`) {
    const opened = await openConversation(service, target, visitorId);
    const lifecycle = service.get(ConversationLifecycle);
    const key = { workspaceId: target.workspaceId, conversationId: opened.id };
    await lifecycle.assign({ ...key, agentId: agent.agentId, expectedAssigneeId: null });
    const resolved = await lifecycle.resolve({ ...key, actor: agent });
    return { conversation: resolved, visitorId };
  }

  const rate = (
    conversation: ConversationView,
    visitorId: string,
    rating: number,
    comment?: string,
  ) =>
    csat.execute({
      workspaceId: target.workspaceId,
      inboxId: target.inboxId,
      visitorId,
      conversationId: conversation.id,
      rating,
      ...(comment === undefined ? {} : { comment }),
    });

  const read = (conversationId: string) =>
    service.get(ConversationQueries).get({ workspaceId: target.workspaceId, conversationId });

  it('stores the rating on the conversation, publishes conversation.rated.v1 and tells the workspace', async () => {
    const { conversation, visitorId } = await resolvedConversation();
    const toWorkspace = await service.watchRealtime(realtimeSubjects.workspace(target.workspaceId));

    const stored = await rate(conversation, visitorId, 4, '<script>alert(1)</script> thanks');

    expect(stored).toMatchObject({ rating: 4, comment: '<script>alert(1)</script> thanks' });
    expect((await read(conversation.id)).csat).toEqual(stored);
    await waitFor(
      () => toWorkspace.some((e) => e.type === 'conversation.rated'),
      5_000,
      () => JSON.stringify(toWorkspace),
    );
    expect(toWorkspace.find((e) => e.type === 'conversation.rated')).toEqual({
      type: 'conversation.rated',
      conversationId: conversation.id,
      rating: 4,
      comment: '<script>alert(1)</script> thanks',
    });
    await waitFor(async () => (await ratedEvents(conversation.id)).length === 1, 5_000);
    expect((await ratedEvents(conversation.id))[0]).toMatchObject({
      conversationId: conversation.id,
      rating: 4,
      assigneeId: agent.agentId,
      submittedAt: stored.submittedAt,
    });
  });

  it('replaces an earlier rating within the window, a comment left out clearing the old one', async () => {
    const { conversation, visitorId } = await resolvedConversation();

    await rate(conversation, visitorId, 1, 'slow');
    const second = await rate(conversation, visitorId, 5);

    expect((await read(conversation.id)).csat).toEqual({
      rating: 5,
      comment: null,
      submittedAt: second.submittedAt,
    });
  });

  it("refuses another visitor's conversation, an open one, and one resolved more than 7 days ago", async () => {
    const { conversation, visitorId } = await resolvedConversation();
    await expect(rate(conversation, `visitor-${randomUUID()}`, 5)).rejects.toMatchObject({
      code: 'CSAT_NOT_ALLOWED',
    });

    const open = await openConversation(service, target);
    await expect(rate(open, open.customerExternalId, 5)).rejects.toMatchObject({
      code: 'CSAT_NOT_ALLOWED',
    });

    await service.dataSource.query(
      `update conversation.conversations set resolved_at = now() - interval '8 days' where id = $1`,
      [conversation.id],
    );
    await expect(rate(conversation, visitorId, 5)).rejects.toMatchObject({
      code: 'CSAT_NOT_ALLOWED',
    });
    expect((await read(conversation.id)).csat).toBeNull();
  });

  it('refuses a conversation of another inbox or workspace as if it did not exist', async () => {
    const { conversation, visitorId } = await resolvedConversation();
    const elsewhere = await service.createInbox();

    await expect(
      csat.execute({
        ...elsewhere,
        visitorId,
        conversationId: conversation.id,
        rating: 3,
      }),
    ).rejects.toMatchObject({ code: 'CSAT_NOT_ALLOWED' });
    await expect(
      csat.execute({
        workspaceId: target.workspaceId,
        inboxId: target.inboxId,
        visitorId,
        conversationId: randomUUID(),
        rating: 3,
      }),
    ).rejects.toMatchObject({ code: 'CSAT_NOT_ALLOWED' });
  });

  async function ratedEvents(conversationId: string) {
    return (await service.storedEvents())
      .filter(
        (e) =>
          e.subject === SUBJECTS.conversation.conversationRated.subject &&
          (e.data as { conversationId: string }).conversationId === conversationId,
      )
      .map((e) => e.data);
  }
});
