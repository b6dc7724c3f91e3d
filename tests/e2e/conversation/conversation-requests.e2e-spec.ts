import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  realtimeSubjects,
  SUBJECTS,
  type ConversationView,
  type RealtimeEvent,
  type RequestContract,
} from '@hub/contracts';
import { JetStreamPublisher, namespacedSubject } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspaceWithInbox, inboundMessage, publishInbound } from '../support/inbound';
import type { NestRequestError } from '../support/nest-request';
import { nestRequest } from '../support/nest-request';
import { standInForRouting } from '../support/routing-stand-in';

describe('conversation requests', () => {
  let suite: HubSuite;
  let namespace: string;
  let nc: NatsConnection;
  let publisher: JetStreamPublisher;
  let target: { workspaceId: string; inboxId: string };
  const events: { subject: string; data: Record<string, unknown> }[] = [];
  const agent = { agentId: randomUUID(), role: 'agent' as const };
  const otherAgent = { agentId: randomUUID(), role: 'agent' as const };
  const supervisor = { agentId: randomUUID(), role: 'supervisor' as const };

  const ask = <C extends RequestContract>(request: C, data: object) =>
    nestRequest(nc, namespace, request, data);
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => (error as NestRequestError).body,
    );

  beforeAll(async () => {
    suite = await startHubSuite('conv', ['conversation', 'crm']);
    ({ namespace, nc } = suite);
    publisher = new JetStreamPublisher(nc, namespace);
    nc.subscribe(namespacedSubject(namespace, 'evt.>'), {
      callback: (_err, msg) => {
        events.push({ subject: msg.subject, data: msg.json() });
      },
    });
    target = await createWorkspaceWithInbox(suite.database.url);
    standInForRouting(nc, namespace, [agent, otherAgent, supervisor]);
  });

  afterAll(() => suite?.stop());

  /** A visitor writes; resolves with the conversation it opened. */
  async function openConversation(
    visitorId = `visitor-${randomUUID()}`,
  ): Promise<ConversationView> {
    await publishInbound(
      publisher,
      inboundMessage(target, { customer: { externalId: visitorId } }),
    );
    let found: ConversationView | undefined;
    await waitFor(async () => {
      const history = await ask(SUBJECTS.conversation.visitorHistory, {
        ...target,
        visitorId,
      });
      found = history.conversation ?? undefined;
      return found !== undefined;
    }, 15_000);
    return found!;
  }

  const assign = (
    conversation: ConversationView,
    agentId: string,
    expectedAssigneeId: string | null,
  ) =>
    ask(SUBJECTS.conversation.assign, {
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      agentId,
      expectedAssigneeId,
    });

  const reply = (
    conversation: ConversationView,
    actor: object,
    clientMessageId: string,
    content = 'Hi, how can I help?',
  ) =>
    ask(SUBJECTS.conversation.sendAgentMessage, {
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      actor,
      clientMessageId,
      content,
    });

  it('assigns only when the assignee is still the expected one', async () => {
    const conversation = await openConversation();

    const assigned = await assign(conversation, agent.agentId, null);
    const stale = await refusal(assign(conversation, otherAgent.agentId, null));

    expect(assigned).toMatchObject({ status: 'assigned', assigneeId: agent.agentId });
    expect(stale).toMatchObject({ status: 409, code: 'CONVERSATION_ASSIGNEE_CHANGED' });
    await waitFor(
      () =>
        events.some(
          (e) => e.data.conversationId === conversation.id && e.subject.endsWith('assigned.v1'),
        ),
      5_000,
    );
  });

  it('stores an agent reply once per clientMessageId and records the first response', async () => {
    const conversation = await openConversation();
    await assign(conversation, agent.agentId, null);

    const first = await reply(conversation, agent, 'c-1');
    const resent = await reply(conversation, agent, 'c-1');
    const messages = await ask(SUBJECTS.conversation.listMessages, {
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
    });
    const after = await ask(SUBJECTS.conversation.getConversation, {
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
    });

    expect(resent).toEqual(first);
    expect(messages.map((m) => [m.seq, m.senderType])).toEqual([
      [1, 'customer'],
      [2, 'agent'],
    ]);
    expect(after.firstResponseAt).not.toBeNull();
  });

  it('lets only the assignee, a supervisor or an admin reply', async () => {
    const conversation = await openConversation();
    await assign(conversation, agent.agentId, null);

    const refused = await refusal(reply(conversation, otherAgent, 'x-1'));
    const bySupervisor = await reply(conversation, supervisor, 's-1');

    expect(refused).toMatchObject({ status: 403, code: 'CONVERSATION_NOT_ASSIGNED_TO_YOU' });
    expect(bySupervisor).toMatchObject({ seq: 2, senderId: supervisor.agentId });
  });

  it('fans a reply out to the assignee and the visitor, and a visitor message to the assignee', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const conversation = await openConversation(visitorId);
    await assign(conversation, agent.agentId, null);
    const toAgent: RealtimeEvent[] = [];
    const toVisitor: RealtimeEvent[] = [];
    nc.subscribe(namespacedSubject(namespace, realtimeSubjects.agent(agent.agentId)), {
      callback: (_e, m) => void toAgent.push(m.json<RealtimeEvent>()),
    });
    nc.subscribe(namespacedSubject(namespace, realtimeSubjects.visitor(visitorId)), {
      callback: (_e, m) => void toVisitor.push(m.json<RealtimeEvent>()),
    });
    await nc.flush();

    await reply(conversation, agent, 'fan-1', 'an agent answer');
    await publishInbound(
      publisher,
      inboundMessage(target, { customer: { externalId: visitorId }, content: 'a visitor answer' }),
    );

    const texts = (list: RealtimeEvent[]) =>
      list.flatMap((e) => (e.type === 'message.created' ? [e.message.content] : []));
    await waitFor(() => texts(toAgent).length === 2 && texts(toVisitor).length === 2, 10_000);
    expect(texts(toAgent)).toEqual(['an agent answer', 'a visitor answer']);
    expect(texts(toVisitor)).toEqual(['an agent answer', 'a visitor answer']);
  });

  it('resolves, and a new visitor message reopens the conversation for routing', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const conversation = await openConversation(visitorId);
    await assign(conversation, agent.agentId, null);

    const resolved = await ask(SUBJECTS.conversation.resolve, {
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      actor: agent,
    });
    await publishInbound(
      publisher,
      inboundMessage(target, { customer: { externalId: visitorId } }),
    );

    expect(resolved).toMatchObject({ status: 'resolved' });
    await waitFor(
      () =>
        events.some(
          (e) =>
            e.data.conversationId === conversation.id &&
            e.subject.endsWith('opened.v1') &&
            e.data.reopened === true,
        ),
      10_000,
    );
    const reopened = await ask(SUBJECTS.conversation.getConversation, {
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
    });
    expect(reopened).toMatchObject({ status: 'open', lastSeq: 2, resolvedAt: null });
    expect(
      events.filter(
        (e) => e.data.conversationId === conversation.id && e.subject.endsWith('resolved.v1'),
      ),
    ).toHaveLength(1);
  });

  it('never shows a conversation to another workspace', async () => {
    const conversation = await openConversation();

    const elsewhere = await refusal(
      ask(SUBJECTS.conversation.getConversation, {
        workspaceId: randomUUID(),
        conversationId: conversation.id,
      }),
    );
    const messages = await refusal(
      ask(SUBJECTS.conversation.listMessages, {
        workspaceId: randomUUID(),
        conversationId: conversation.id,
      }),
    );

    expect(elsewhere).toMatchObject({ status: 404, code: 'CONVERSATION_NOT_FOUND' });
    expect(messages).toMatchObject({ status: 404, code: 'CONVERSATION_NOT_FOUND' });
  });

  it('gives a visitor what it missed after a sequence number, in order', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const conversation = await openConversation(visitorId);
    await assign(conversation, agent.agentId, null);
    await reply(conversation, agent, 'h-1', 'two');
    await reply(conversation, agent, 'h-2', 'three');

    const history = await ask(SUBJECTS.conversation.visitorHistory, {
      ...target,
      visitorId,
      afterSeq: 1,
    });

    expect(history.messages.map((m) => [m.seq, m.content])).toEqual([
      [2, 'two'],
      [3, 'three'],
    ]);
  });

  it('refuses a request that fails validation with the field errors', async () => {
    const body = await refusal(
      ask(SUBJECTS.conversation.sendAgentMessage, { workspaceId: 'nope', content: '' }),
    );

    expect(body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const fields = (body as { fieldErrors: { field: string }[] }).fieldErrors.map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'workspaceId',
        'conversationId',
        'actor',
        'clientMessageId',
        'content',
      ]),
    );
  });
});
