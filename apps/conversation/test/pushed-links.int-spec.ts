import { randomUUID } from 'node:crypto';
import { realtimeSubjects, SUBJECTS, type MessageCreated } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { ConversationLifecycle } from '../src/conversations/conversation-lifecycle';
import { SendAgentMessage } from '../src/messages/send-agent-message.use-case';
import { ConversationUnderTest, type InboxTarget } from './support/conversation-under-test';
import { openConversation } from './support/conversations';

// A pushed link is an agent message of content type `link`: stored, evented and fanned out as
// a reply is.
describe('pushed links', () => {
  let service: ConversationUnderTest;
  let target: InboxTarget;
  const agent = { agentId: randomUUID(), role: AgentRole.Agent };

  beforeAll(async () => {
    service = await ConversationUnderTest.start('links');
    target = await service.createInbox();
    service.enrol(agent);
  });

  afterAll(() => service?.stop());

  it('stores the link as an outbound message, publishes it and sends it to the visitor, once per clientMessageId', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const opened = await openConversation(service, target, visitorId);
    await service.get(ConversationLifecycle).assign({
      workspaceId: target.workspaceId,
      conversationId: opened.id,
      agentId: agent.agentId,
      expectedAssigneeId: null,
    });
    const toVisitor = await service.watchRealtime(realtimeSubjects.visitor(visitorId));
    const push = () =>
      service.get(SendAgentMessage).execute({
        workspaceId: target.workspaceId,
        conversationId: opened.id,
        actor: agent,
        clientMessageId: 'link-1',
        content: 'https://shop.example.com/cart',
        contentType: 'link',
      });

    const pushed = await push();
    const again = await push();

    expect(pushed).toMatchObject({
      seq: 2,
      direction: 'outbound',
      senderType: 'agent',
      contentType: 'link',
      content: 'https://shop.example.com/cart',
    });
    expect(again.id).toBe(pushed.id);
    await waitFor(
      () => toVisitor.some((e) => e.type === 'message.created' && e.message.id === pushed.id),
      5_000,
      () => JSON.stringify(toVisitor),
    );
    await waitFor(async () => (await created(pushed.id)).length === 1, 5_000);
    expect((await created(pushed.id))[0]).toMatchObject({ contentType: 'link', seq: 2 });
  });

  async function created(messageId: string): Promise<MessageCreated[]> {
    return (await service.storedEvents())
      .filter((e) => e.subject === SUBJECTS.conversation.messageCreated.subject)
      .map((e) => e.data as unknown as MessageCreated)
      .filter((e) => e.messageId === messageId);
  }
});
