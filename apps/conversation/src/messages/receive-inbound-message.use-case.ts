import { Injectable, Logger } from '@nestjs/common';
import {
  type InboundMessageReceived,
  type InboxView,
  type ResolveCustomerRequest,
} from '@hub/contracts';
import type { Channel } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { WorkspaceMasking } from '@hub/workspace-masking';
import type { EntityManager } from 'typeorm';
import type { Conversation } from '../conversations/conversation.entity';
import { ConversationRepository } from '../conversations/conversation.repository';
import { OpenConversation } from '../conversations/open-conversation';
import { CustomerMoves } from '../customers/customer-moves';
import { FileDirectory } from '../files/file-directory';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { Outbox, type PendingEvent } from '@hub/outbox';

import { CrmCustomers } from './crm-customers';
import { FirstMessageStore, type ResolvedSender } from './first-message-store';
import type { Message } from './message.entity';
import { FollowUpStore, newInboundMessage } from './follow-up-store';
import { MessageRepository } from './message.repository';

/** Thrown inside the transaction to roll it back when the message is already stored. */
class AlreadyStored extends Error {}

/**
 * Stores a customer message from any channel exactly once, in its customer's open conversation
 * (opened or reopened as needed), with the next gap-free sequence number; its events go out
 * through the outbox. A redelivered or resent message stores nothing new (the unique channel
 * message id rolls it back) but is fanned out again, so a sender waiting for its ack gets it.
 */
@Injectable()
export class ReceiveInboundMessage {
  private readonly logger = new Logger(ReceiveInboundMessage.name);

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly openConversation: OpenConversation,
    private readonly inboxes: InboxDirectory,
    private readonly notifier: ConversationNotifier,
    private readonly outbox: Outbox,
    private readonly files: FileDirectory,
    private readonly customerMoves: CustomerMoves,
    private readonly masking: WorkspaceMasking,
    private readonly followUps: FollowUpStore,
    private readonly firstMessages: FirstMessageStore,
    private readonly crmCustomers: CrmCustomers,
  ) {}

  async execute(received: InboundMessageReceived): Promise<void> {
    const inbox = await this.inboxes.getInWorkspace(received.workspaceId, received.inboxId);
    // Card numbers and the workspace's patterns never reach the transcript.
    const inbound = {
      ...received,
      content: await this.masking.mask(received.workspaceId, received.content),
    };
    const batched = await this.storeInBatch(inbound, inbox);
    if (batched === 'done') return;
    const sender = batched ?? (await this.senderOf(received, inbox.channel));

    let stored: { message: Message; conversation: Conversation; events: PendingEvent[] };
    try {
      stored = await this.database.dataSource.transaction((tx) =>
        this.store(tx, inbound, inbox, sender),
      );
    } catch (error) {
      if (!(error instanceof AlreadyStored)) throw error;
      await this.fanOutStored(inbound);
      return;
    }
    const { message, conversation, events } = stored;
    this.logger.log(
      { conversationId: conversation.id, seq: message.seq },
      'inbound message stored',
    );
    await this.outbox.flush(events);
    await this.notifier.fanOutMessage(message, conversation, inbox.channel);
    if (events.length > 1) await this.notifier.fanOutConversation(conversation, inbox.channel);
  }

  /**
   * Stores the message with others when it can: `done` when stored (or a resend, fanned out
   * again); else, to store it one by one, its sender when crm was asked already.
   */
  private async storeInBatch(
    inbound: InboundMessageReceived,
    inbox: InboxView,
  ): Promise<'done' | ResolvedSender | undefined> {
    // A file or a reply to an earlier message takes a lookup of its own: stored alone.
    if (inbound.attachmentFileId || inbound.replyToExternalMessageId) return undefined;
    // Most messages follow up an active conversation; the same batch tells first messages apart.
    const outcome = await this.followUps.store({ inbound, inbox });
    if (outcome === 'alone') return undefined;
    if (outcome === 'duplicate') await this.fanOutStored(inbound);
    if (outcome === 'stored' || outcome === 'duplicate') return 'done';
    const sender = await this.newSender(inbound, inbox.channel, outcome.returnsSeen);
    // A mail may reopen its thread's resolved conversation (found by customer): stored alone.
    if (inbound.email) return sender;
    const first = await this.firstMessages.store({ inbound, inbox, sender });
    if (first === 'alone') return sender;
    if (first === 'duplicate') await this.fanOutStored(inbound);
    return 'done';
  }

  /** Who wrote, with the customer an earlier conversation in this inbox, or else crm, says. */
  private async senderOf(
    inbound: InboundMessageReceived,
    channel: Channel,
  ): Promise<ResolvedSender> {
    const known = await this.knownCustomer(inbound);
    if (known) return { ...senderKey(inbound, channel), customerId: known };
    return this.newSender(inbound, channel);
  }

  /**
   * A sender without a conversation in the inbox: crm says who they are. `returnsSeen`, when
   * the caller read it already, must have been read before this asks crm.
   */
  private async newSender(
    inbound: InboundMessageReceived,
    channel: Channel,
    returnsSeen?: number,
  ): Promise<ResolvedSender> {
    // Read before asking crm, so an undo of a merge applied after crm answered is recognised.
    const seen = returnsSeen ?? (await this.customerMoves.returnsSeen(inbound.workspaceId));
    const { customerId, vip } = await this.resolveCustomer(inbound, channel);
    return { ...senderKey(inbound, channel), customerId, vip, returnsSeen: seen };
  }

  /** The customer of an earlier conversation of this sender in this inbox: no need to ask crm. */
  private knownCustomer(inbound: InboundMessageReceived): Promise<string | undefined> {
    return this.conversations.customerOfSender({
      inboxId: inbound.inboxId,
      customerExternalId: inbound.customer.externalId,
    });
  }

  /** The customer crm resolves, with their VIP flag when crm knows it. */
  private async resolveCustomer(
    inbound: InboundMessageReceived,
    channel: Channel,
  ): Promise<{ customerId: string; vip?: boolean }> {
    const request: ResolveCustomerRequest = {
      workspaceId: inbound.workspaceId,
      channel,
      externalId: inbound.customer.externalId,
      name: inbound.customer.name,
      email: inbound.customer.email,
      phone: inbound.customer.phone,
    };
    const { customerId, vip } = await this.crmCustomers.resolve(request);
    return { customerId, vip };
  }

  private async store(
    tx: EntityManager,
    inbound: InboundMessageReceived,
    inbox: InboxView,
    sender: ResolvedSender,
  ) {
    // Checked first: a message with a stranger's file opens no conversation.
    const attachment = inbound.attachmentFileId
      ? await this.files.attachable(tx, {
          workspaceId: inbound.workspaceId,
          fileId: inbound.attachmentFileId,
          attacher: { kind: 'visitor', visitorId: inbound.customer.externalId },
        })
      : null;
    // Decided again under the merge lock: a merge or an undo may have moved this sender's
    // conversations since the customer was looked up.
    const owner = await this.customerMoves.ownerForMessage(tx, sender);
    const { workspaceId, inboxId, customerExternalId } = sender;
    const { conversation, opening } = await this.openConversation.forInbound(
      tx,
      { workspaceId, inboxId, customerExternalId, customerId: owner },
      { departmentId: inbound.departmentId ?? null },
      inbound.email,
    );
    const message = await this.messages.insertUnlessStored(tx, {
      ...newInboundMessage(inbound, conversation, attachment),
      replyToMessageId: await this.repliedTo(tx, inbound),
    });
    // Another delivery stored it first: roll back so the sequence number stays unused.
    if (!message) throw new AlreadyStored();
    const events = await this.outbox.add(
      tx,
      this.notifier.messageCreated(
        message,
        conversation,
        inbox.channel,
        opening,
        // A merge may have given the message another customer, whose flag crm did not say.
        owner === sender.customerId ? sender.vip : undefined,
      ),
    );
    return { message, conversation, events };
  }

  /** The stored message the customer answered, when the channel named one we have. */
  private async repliedTo(tx: EntityManager, inbound: InboundMessageReceived) {
    if (!inbound.replyToExternalMessageId) return null;
    const key = { inboxId: inbound.inboxId, channelMessageId: inbound.replyToExternalMessageId };
    return this.messages.idByChannelMessageId(tx, key);
  }

  /** A resend of a stored message: fanned out again so its sender gets the ack it missed. */
  private async fanOutStored(inbound: InboundMessageReceived): Promise<void> {
    const message = await this.messages.findByChannelMessageIdOrFail(
      inbound.inboxId,
      inbound.externalMessageId,
    );
    const conversation = await this.conversations.findByIdOrFail(message.conversationId);
    const inbox = await this.inboxes.get(inbound.inboxId);
    await this.notifier.fanOutMessage(message, conversation, inbox.channel);
  }
}

function senderKey(inbound: InboundMessageReceived, channel: Channel) {
  return {
    workspaceId: inbound.workspaceId,
    inboxId: inbound.inboxId,
    channel,
    customerExternalId: inbound.customer.externalId,
  };
}
