import { randomUUID } from 'node:crypto';
import type { ConversationView } from '@hub/contracts';
import { ConversationQueries } from '../../src/conversations/conversation-queries';
import { ReceiveInboundMessage } from '../../src/messages/receive-inbound-message.use-case';
import {
  inboundMessage,
  type ConversationUnderTest,
  type InboxTarget,
} from './conversation-under-test';

/** A new visitor writes once; resolves with the conversation that opened. */
export async function openConversation(
  service: ConversationUnderTest,
  target: InboxTarget,
  visitorId = `visitor-${randomUUID()}`,
): Promise<ConversationView> {
  await service.get(ReceiveInboundMessage).execute(inboundMessage(target, { visitorId }));
  const { conversation } = await service
    .get(ConversationQueries)
    .visitorHistory({ ...target, visitorId });
  if (!conversation) throw new Error(`no conversation opened for ${visitorId}`);
  return conversation;
}

/** Moves the conversation's creation back by `seconds`, as if it had waited that long. */
export async function backdateOpening(
  service: ConversationUnderTest,
  conversationId: string,
  seconds: number,
): Promise<void> {
  await service.dataSource.query(
    `update conversation.conversations
        set created_at = created_at - make_interval(secs => $2)
      where id = $1`,
    [conversationId, seconds],
  );
}
