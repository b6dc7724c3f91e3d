import type { ConversationView, CsatView, MessageView } from '@hub/contracts';
import { DeliveryStatus, MessageDirection, type Channel } from '@hub/domain';
import type { Message } from '../messages/message.entity';
import type { Conversation } from './conversation.entity';

export function toConversationView(conversation: Conversation, channel: Channel): ConversationView {
  return {
    id: conversation.id,
    workspaceId: conversation.workspaceId,
    inboxId: conversation.inboxId,
    channel,
    customerId: conversation.customerId,
    customerExternalId: conversation.customerExternalId,
    departmentId: conversation.departmentId,
    assigneeId: conversation.assigneeId,
    status: conversation.status,
    priority: conversation.priority,
    lastSeq: conversation.lastSeq,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
    firstResponseAt: conversation.firstResponseAt?.toISOString() ?? null,
    resolvedAt: conversation.resolvedAt?.toISOString() ?? null,
    csat: toCsatView(conversation),
  };
}

export function toCsatView(conversation: Conversation): CsatView | null {
  const { csatRating, csatComment, csatSubmittedAt } = conversation;
  if (csatRating === null || csatSubmittedAt === null) return null;
  return { rating: csatRating, comment: csatComment, submittedAt: csatSubmittedAt.toISOString() };
}

export function toMessageView(message: Message): MessageView {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    direction: message.direction,
    senderType: message.senderType,
    ...(message.senderId ? { senderId: message.senderId } : {}),
    content: message.content,
    contentType: message.contentType,
    ...(message.clientMessageId ? { clientMessageId: message.clientMessageId } : {}),
    createdAt: message.createdAt.toISOString(),
    ...(message.replyToMessageId ? { replyToMessageId: message.replyToMessageId } : {}),
    ...deliveryOf(message),
    ...(message.attachment
      ? {
          attachment: {
            fileId: message.attachment.id,
            name: message.attachment.name,
            size: message.attachment.size,
            mimeType: message.attachment.mimeType,
          },
        }
      : {}),
  };
}

/**
 * Whether the channel confirms the reply's delivery: it has the channel's id, or it is still
 * pending or failed before it has one (a social reply until the platform gives its id, an API
 * inbox's reply until its callback answers). A web-chat reply is only stored until the
 * visitor's widget reports it delivered or read (`message.receipt`).
 */
export function channelConfirms(
  message: Pick<Message, 'channelMessageId' | 'deliveryStatus'>,
): boolean {
  return message.channelMessageId !== null || message.deliveryStatus !== DeliveryStatus.Sent;
}

/** The delivery of an outbound reply the channel confirms; nothing for the others. */
function deliveryOf(message: Message): Pick<MessageView, 'deliveryStatus' | 'deliveryError'> {
  if (message.direction !== MessageDirection.Outbound || !channelConfirms(message)) return {};
  return {
    deliveryStatus: message.deliveryStatus,
    ...(message.deliveryError ? { deliveryError: message.deliveryError } : {}),
  };
}
