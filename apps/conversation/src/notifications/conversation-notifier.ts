import { Injectable } from '@nestjs/common';
import {
  conversationEventId,
  messageCreatedEventId,
  realtimeSubjects,
  SUBJECTS,
  type ConversationAssigned,
  type ConversationOpened,
  type ConversationResolved,
  type ConversationUnassigned,
  type ConversationUpdatedRealtime,
  type MessageCreated,
  type MessageCreatedRealtime,
  type MessageDeliveryRealtime,
  type RealtimeSubject,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { Realtime } from '@hub/service-kit';
import type { Conversation } from '../conversations/conversation.entity';
import { channelConfirms, toConversationView, toMessageView } from '../conversations/views';
import type { DeliveryChange } from '../messages/delivery-status.repository';
import type { Message } from '../messages/message.entity';
import { pendingEvent, type PendingEvent } from '@hub/outbox';

export type Opening = 'new' | 'reopened';

/**
 * Says what happened to conversations: the durable events (written to the outbox inside the
 * transaction) and the realtime fan-out to the people concerned (after the commit).
 */
@Injectable()
export class ConversationNotifier {
  constructor(private readonly realtime: Realtime) {}

  /**
   * `opening`: whether this message opened the conversation, or reopened a resolved one.
   * `customerVip`: the VIP flag crm answered when it was asked for the customer just now.
   */
  messageCreated(
    message: Message,
    conversation: Conversation,
    channel: Channel,
    opening: Opening | null,
    customerVip?: boolean,
  ): PendingEvent[] {
    const eventId = messageCreatedEventId(message.id);
    const payload: MessageCreated = {
      eventId,
      workspaceId: message.workspaceId,
      conversationId: conversation.id,
      messageId: message.id,
      inboxId: message.inboxId,
      customerId: conversation.customerId,
      channel,
      customerExternalId: conversation.customerExternalId,
      ...(conversation.assigneeId ? { assigneeId: conversation.assigneeId } : {}),
      ...(message.clientMessageId ? { clientMessageId: message.clientMessageId } : {}),
      seq: message.seq,
      direction: message.direction,
      senderType: message.senderType,
      ...(message.senderId ? { senderId: message.senderId } : {}),
      content: message.content,
      contentType: message.contentType,
      createdAt: message.createdAt.toISOString(),
      conversationOpened: opening !== null,
    };
    const events = [
      pendingEvent(SUBJECTS.conversation.messageCreated, conversation.workspaceId, payload),
    ];
    if (opening) {
      const reopened = opening === 'reopened';
      events.push(
        this.opened(conversation, channel, { reopened, discriminator: message.seq, customerVip }),
      );
    }
    return events;
  }

  assigned(conversation: Conversation, previousAssigneeId: string | null): PendingEvent {
    const payload: ConversationAssigned = {
      ...this.base(
        'assigned',
        conversation,
        `${conversation.assigneeId}:${conversation.updatedAt.getTime()}`,
      ),
      assigneeId: conversation.assigneeId as string,
      previousAssigneeId,
    };
    return pendingEvent(
      SUBJECTS.conversation.conversationAssigned,
      conversation.workspaceId,
      payload,
    );
  }

  unassigned(conversation: Conversation, previousAssigneeId: string): PendingEvent {
    const payload: ConversationUnassigned = {
      ...this.base('unassigned', conversation, conversation.updatedAt.getTime()),
      previousAssigneeId,
      departmentId: conversation.departmentId,
    };
    return pendingEvent(
      SUBJECTS.conversation.conversationUnassigned,
      conversation.workspaceId,
      payload,
    );
  }

  resolved(conversation: Conversation, assigneeId: string | null): PendingEvent {
    const payload: ConversationResolved = {
      ...this.base('resolved', conversation, conversation.updatedAt.getTime()),
      assigneeId,
    };
    return pendingEvent(
      SUBJECTS.conversation.conversationResolved,
      conversation.workspaceId,
      payload,
    );
  }

  /** A reopened conversation waits for an agent again, like a new one. */
  reopened(conversation: Conversation, channel: Channel): PendingEvent {
    return this.opened(conversation, channel, {
      reopened: true,
      discriminator: `reopen:${conversation.updatedAt.getTime()}`,
    });
  }

  /**
   * The stored message to its agent, to those watching the conversation and, on the web
   * channel, to the visitor's sockets.
   */
  async fanOutMessage(
    message: Message,
    conversation: Conversation,
    channel: Channel,
  ): Promise<void> {
    const event: MessageCreatedRealtime = {
      type: 'message.created',
      message: toMessageView(message),
    };
    await Promise.all([
      ...this.recipients(conversation, channel).map((subject) =>
        this.realtime.publish(subject, event),
      ),
      this.realtime.publish(realtimeSubjects.onlookers(conversation.id), {
        ...event,
        sentToAgentId: conversation.assigneeId,
      }),
    ]);
  }

  /** What the channel made of replies, to each one's assignee (what their transcript shows). */
  async fanOutDelivery(changes: readonly DeliveryChange[]): Promise<void> {
    await Promise.all(
      changes.flatMap((change) => {
        // As the transcript shows it: a reply the channel does not confirm stays "stored".
        if (!change.assigneeId || !channelConfirms(change)) return [];
        const event: MessageDeliveryRealtime = {
          type: 'message.delivery',
          conversationId: change.conversationId,
          messageId: change.messageId,
          deliveryStatus: change.deliveryStatus,
          ...(change.deliveryError ? { deliveryError: change.deliveryError } : {}),
        };
        return [this.realtime.publish(realtimeSubjects.agent(change.assigneeId), event)];
      }),
    );
  }

  /** A lifecycle change to the old and new assignee, the workspace, and the visitor. */
  async fanOutConversation(
    conversation: Conversation,
    channel: Channel,
    previousAssigneeId?: string | null,
  ): Promise<void> {
    const event: ConversationUpdatedRealtime = {
      type: 'conversation.updated',
      conversation: toConversationView(conversation, channel),
    };
    const subjects = new Set([
      ...this.recipients(conversation, channel),
      realtimeSubjects.workspace(conversation.workspaceId),
      ...(previousAssigneeId ? [realtimeSubjects.agent(previousAssigneeId)] : []),
    ]);
    await Promise.all([...subjects].map((subject) => this.realtime.publish(subject, event)));
  }

  private recipients(
    conversation: Conversation,
    channel: Channel,
  ): RealtimeSubject<MessageCreatedRealtime | ConversationUpdatedRealtime>[] {
    return [
      ...(conversation.assigneeId ? [realtimeSubjects.agent(conversation.assigneeId)] : []),
      ...(channel === Channel.Web
        ? [realtimeSubjects.visitor(conversation.customerExternalId)]
        : []),
    ];
  }

  // Routing ranks a VIP's conversation first; without `customerVip` it asks crm itself.
  private opened(
    conversation: Conversation,
    channel: Channel,
    {
      reopened,
      discriminator,
      customerVip,
    }: { reopened: boolean; discriminator: string | number; customerVip?: boolean },
  ): PendingEvent {
    const payload: ConversationOpened = {
      ...this.base('opened', conversation, discriminator),
      inboxId: conversation.inboxId,
      channel,
      customerId: conversation.customerId,
      customerExternalId: conversation.customerExternalId,
      departmentId: conversation.departmentId,
      reopened,
      ...(customerVip === undefined ? {} : { vip: customerVip }),
      // Opened assigned (an accepted invitation): routing records it rather than queue it.
      ...(conversation.assigneeId ? { assigneeId: conversation.assigneeId } : {}),
    };
    return pendingEvent(
      SUBJECTS.conversation.conversationOpened,
      conversation.workspaceId,
      payload,
    );
  }

  private base(kind: string, conversation: Conversation, discriminator: string | number) {
    return {
      eventId: conversationEventId(kind, conversation.id, discriminator),
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      occurredAt: new Date().toISOString(),
    };
  }
}
