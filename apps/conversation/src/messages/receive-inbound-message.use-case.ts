import { Injectable, Logger } from '@nestjs/common';
import {
  messageCreatedEventId,
  SUBJECTS,
  type InboundMessageReceived,
  type MessageCreated,
  type ResolveCustomerReply,
  type ResolveCustomerRequest,
} from '@hub/contracts';
import { DeliveryStatus, MessageDirection, SenderType } from '@hub/domain';
import { Database, Messaging, RpcClient } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { OpenConversation } from '../conversations/open-conversation';
import { Message } from './message.entity';

/** Thrown inside the transaction to roll it back when the message is already stored. */
class AlreadyStored extends Error {}

/**
 * Stores a customer message from any channel exactly once, in its customer's open conversation
 * (opened or reopened as needed), with the next gap-free sequence number, and publishes
 * `MessageCreated` after the commit. A redelivered message stores nothing new but publishes
 * its event again (same event id), which covers a crash between commit and publish.
 */
@Injectable()
export class ReceiveInboundMessage {
  private readonly logger = new Logger(ReceiveInboundMessage.name);

  constructor(
    private readonly database: Database,
    private readonly messaging: Messaging,
    private readonly rpc: RpcClient,
    private readonly openConversation: OpenConversation,
  ) {}

  async execute(inbound: InboundMessageReceived): Promise<void> {
    const stored = await this.findStored(inbound);
    if (stored) return this.publish(stored, false);

    const { customerId } = await this.rpc.request<ResolveCustomerReply>(SUBJECTS.crm.resolveCustomer, {
      workspaceId: inbound.workspaceId,
      channel: inbound.channel,
      externalId: inbound.customer.externalId,
      name: inbound.customer.name,
      email: inbound.customer.email,
      phone: inbound.customer.phone,
    } satisfies ResolveCustomerRequest);

    try {
      const { message, opened } = await this.database.dataSource.transaction((tx) =>
        this.store(tx, inbound, customerId),
      );
      this.logger.log({ conversationId: message.conversationId, seq: message.seq }, 'inbound message stored');
      await this.publish(message, opened, customerId);
    } catch (error) {
      if (!(error instanceof AlreadyStored)) throw error;
      const winner = await this.findStored(inbound);
      if (winner) await this.publish(winner, false);
    }
  }

  private async store(
    tx: EntityManager,
    inbound: InboundMessageReceived,
    customerId: string,
  ): Promise<{ message: Message; opened: boolean }> {
    const { conversation, opened } = await this.openConversation.forInbound(tx, {
      workspaceId: inbound.workspaceId,
      inboxId: inbound.inboxId,
      customerId,
    });
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(Message)
      .values({
        workspaceId: inbound.workspaceId,
        conversationId: conversation.id,
        inboxId: inbound.inboxId,
        seq: conversation.lastSeq,
        direction: MessageDirection.Inbound,
        senderType: SenderType.Customer,
        content: inbound.content,
        contentType: inbound.contentType,
        channelMessageId: inbound.externalMessageId,
        deliveryStatus: DeliveryStatus.Delivered,
      })
      .orIgnore()
      .returning('id')
      .execute();
    const [row] = inserted.raw as { id: string }[];
    // Another delivery stored it first: roll back so the sequence number stays unused.
    if (!row) throw new AlreadyStored();
    return { message: await tx.findOneByOrFail(Message, { id: row.id }), opened };
  }

  private findStored(inbound: InboundMessageReceived): Promise<Message | null> {
    return this.database.dataSource.manager.findOne(Message, {
      where: { inboxId: inbound.inboxId, channelMessageId: inbound.externalMessageId },
    });
  }

  private async publish(message: Message, conversationOpened: boolean, knownCustomerId?: string): Promise<void> {
    const customerId = knownCustomerId ?? (await this.openConversation.customerOf(message.conversationId));
    const eventId = messageCreatedEventId(message.id);
    const event: MessageCreated = {
      eventId,
      workspaceId: message.workspaceId,
      conversationId: message.conversationId,
      messageId: message.id,
      inboxId: message.inboxId,
      customerId,
      seq: message.seq,
      direction: message.direction,
      senderType: message.senderType,
      ...(message.senderId ? { senderId: message.senderId } : {}),
      content: message.content,
      contentType: message.contentType,
      createdAt: message.createdAt.toISOString(),
      conversationOpened,
    };
    await this.messaging.publisher.publish(SUBJECTS.conversation.messageCreated, event, { msgId: eventId });
  }
}
