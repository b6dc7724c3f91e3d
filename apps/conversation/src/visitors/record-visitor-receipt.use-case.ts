import { Injectable } from '@nestjs/common';
import type { VisitorReceiptReply, VisitorReceiptRequest } from '@hub/contracts';
import { ConversationError } from '../conversations/conversation.exception';
import { DeliveryStatusRepository } from '../messages/delivery-status.repository';
import { ConversationNotifier } from '../notifications/conversation-notifier';

/**
 * A web visitor's widget received or showed the agent's replies up to a seq: applied as a
 * watermark, as Messenger's are (forward only, never undoing `read`), then each reply it moved
 * is pushed to the assignee's inbox as `message.delivery`.
 */
@Injectable()
export class RecordVisitorReceipt {
  constructor(
    private readonly deliveries: DeliveryStatusRepository,
    private readonly notifier: ConversationNotifier,
  ) {}

  async execute(request: VisitorReceiptRequest): Promise<VisitorReceiptReply> {
    const { owned, changes } = await this.deliveries.recordVisitorReceipt({
      ...request,
      upToSeq: request.seq,
    });
    // The same answer as for a conversation that does not exist: nothing about others' chats.
    if (!owned) throw ConversationError.notFound(request.conversationId);
    await this.notifier.fanOutDelivery(changes);
    return { changed: changes.length };
  }
}
