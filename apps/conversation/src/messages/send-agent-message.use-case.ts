import { Injectable } from '@nestjs/common';
import type { MessageView, SendAgentMessageRequest } from '@hub/contracts';
import {
  ACTIVE_CONVERSATION_STATUSES,
  ContentType,
  DeliveryStatus,
  MessageDirection,
  SenderType,
} from '@hub/domain';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { assertMayAct } from '../conversations/conversation-lifecycle';
import { Conversation } from '../conversations/conversation.entity';
import { ConversationError } from '../conversations/conversation.exception';
import { toMessageView } from '../conversations/views';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { Outbox, type PendingEvent } from '../outbox/outbox';
import { Message } from './message.entity';

/**
 * An agent's reply: stored with the next sequence number, once per (agent, clientMessageId),
 * so a client resending after a lost answer gets the same message back. The first reply
 * records the conversation's first-response time.
 */
@Injectable()
export class SendAgentMessage {
  constructor(
    private readonly database: Database,
    private readonly inboxes: InboxDirectory,
    private readonly notifier: ConversationNotifier,
    private readonly outbox: Outbox,
  ) {}

  async execute(request: SendAgentMessageRequest): Promise<MessageView> {
    const { message, conversation, events } = await this.database.dataSource.transaction((tx) =>
      this.store(tx, request),
    );
    await this.outbox.flush(events);
    const { channel } = await this.inboxes.get(conversation.inboxId);
    await this.notifier.fanOutMessage(message, conversation, channel);
    return toMessageView(message);
  }

  private async store(
    tx: EntityManager,
    request: SendAgentMessageRequest,
  ): Promise<{ message: Message; conversation: Conversation; events: PendingEvent[] }> {
    const conversation = await tx.findOne(Conversation, {
      where: { id: request.conversationId, workspaceId: request.workspaceId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!conversation) throw ConversationError.notFound(request.conversationId);
    const resent = await tx.findOneBy(Message, {
      conversationId: conversation.id,
      senderId: request.actor.agentId,
      clientMessageId: request.clientMessageId,
    });
    if (resent) return { message: resent, conversation, events: [] };

    assertMayAct(conversation, request);
    if (!ACTIVE_CONVERSATION_STATUSES.includes(conversation.status)) {
      throw ConversationError.illegalTransition(
        `cannot reply to a ${conversation.status} conversation; reopen it first`,
      );
    }
    const now = new Date();
    const seq = conversation.lastSeq + 1;
    const firstResponse = conversation.firstResponseAt
      ? {}
      : {
          firstResponseAt: now,
          firstResponseSeconds: Math.round(
            (now.getTime() - conversation.createdAt.getTime()) / 1000,
          ),
        };
    await tx.update(Conversation, { id: conversation.id }, { lastSeq: seq, ...firstResponse });
    const message = await tx.save(
      tx.create(Message, {
        workspaceId: conversation.workspaceId,
        conversationId: conversation.id,
        inboxId: conversation.inboxId,
        seq,
        direction: MessageDirection.Outbound,
        senderType: SenderType.Agent,
        senderId: request.actor.agentId,
        content: request.content,
        contentType: request.contentType ?? ContentType.Text,
        clientMessageId: request.clientMessageId,
        deliveryStatus: DeliveryStatus.Sent,
      }),
    );
    const updated = await tx.findOneByOrFail(Conversation, { id: conversation.id });
    const { channel } = await this.inboxes.get(conversation.inboxId);
    const events = await this.outbox.add(
      tx,
      this.notifier.messageCreated(message, updated, channel, null),
    );
    return { message, conversation: updated, events };
  }
}
