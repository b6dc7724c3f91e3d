import { Injectable, Logger } from '@nestjs/common';
import {
  SUBJECTS,
  type AcceptInvitationReply,
  type AcceptInvitationRequest,
  type ResolveCustomerRequest,
} from '@hub/contracts';
import {
  Channel,
  ContentType,
  ConversationStatus,
  DeliveryStatus,
  MessageDirection,
  SenderType,
} from '@hub/domain';
import { Database, RpcClient } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { CurrentActors } from '../actors/current-actors';
import type { Conversation } from '../conversations/conversation.entity';
import {
  ConversationRepository,
  type ConversationKey,
} from '../conversations/conversation.repository';
import { CustomerMoves, type Sender } from '../customers/customer-moves';
import { InboxDirectory } from '../inboxes/inbox-directory';
import type { Message } from '../messages/message.entity';
import { MessageRepository } from '../messages/message.repository';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { Outbox, type PendingEvent } from '@hub/outbox';
import { InvitationMessages } from './invitation-messages';

interface Opened {
  conversation: Conversation;
  message: Message | null;
  events: PendingEvent[];
}

/**
 * A visitor accepted an invitation: their conversation opens with the invitation's text as its
 * first message. An agent's invitation is assigned to that agent at once, past routing's
 * capacity (they chose to engage this visitor); routing counts it on their load from the opened
 * event, and the ACD gives them no more until a slot frees.
 * An auto-invite's (no agent) waits in the queue like any new conversation, its text a bot
 * message. Idempotent: the message carries the invitation as its client id, so a repeated
 * accept finds it and changes nothing.
 */
@Injectable()
export class AcceptInvitation {
  private readonly logger = new Logger(AcceptInvitation.name);

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly invitationMessages: InvitationMessages,
    private readonly inboxes: InboxDirectory,
    private readonly notifier: ConversationNotifier,
    private readonly outbox: Outbox,
    private readonly actors: CurrentActors,
    private readonly customerMoves: CustomerMoves,
  ) {}

  async execute(request: AcceptInvitationRequest): Promise<AcceptInvitationReply> {
    // Refuses an inbox of another workspace.
    await this.inboxes.getInWorkspace(request.workspaceId, request.inboxId);
    const earlier = await this.invitationMessages.find(request);
    if (earlier) return { conversationId: earlier.conversationId };
    // The inviting agent must still be an agent of this workspace.
    if (request.agentId) await this.actors.current(request.workspaceId, request.agentId);
    const sender = await this.senderOf(request);
    const { conversation, message, events } = await this.database.dataSource.transaction((tx) =>
      this.open(tx, sender, request),
    );
    await this.outbox.flush(events);
    if (message) {
      await this.notifier.fanOutMessage(message, conversation, Channel.Web);
      await this.notifier.fanOutConversation(conversation, Channel.Web);
      this.logger.log(
        { conversationId: conversation.id, invitationId: request.invitationId },
        'invitation accepted: conversation opened',
      );
    }
    return { conversationId: conversation.id };
  }

  private async open(
    tx: EntityManager,
    sender: Sender,
    request: AcceptInvitationRequest,
  ): Promise<Opened> {
    // As for an inbound message: a merge may have moved this visitor's customer meanwhile.
    const owner = await this.customerMoves.ownerForMessage(tx, sender);
    const { workspaceId, inboxId, customerExternalId } = sender;
    const key: ConversationKey = { workspaceId, inboxId, customerExternalId, customerId: owner };
    for (;;) {
      // Already chatting (accepted elsewhere meanwhile): that conversation, unchanged.
      const active = await this.conversations.lockActive(tx, key);
      if (active) return { conversation: active, message: null, events: [] };
      const created = await this.conversations.insertOpen(tx, key, { departmentId: null });
      if (created) return this.firstMessage(tx, created, request);
    }
  }

  private async firstMessage(
    tx: EntityManager,
    conversationId: string,
    request: AcceptInvitationRequest,
  ): Promise<Opened> {
    const agentId = request.agentId ?? null;
    const conversation = await this.conversations.takeNextSeq(tx, conversationId, {
      status: agentId ? ConversationStatus.Assigned : ConversationStatus.Open,
      assigneeId: agentId,
    });
    const message = await this.messages.insert(tx, {
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      inboxId: conversation.inboxId,
      seq: conversation.lastSeq,
      direction: MessageDirection.Outbound,
      senderType: agentId ? SenderType.Agent : SenderType.Bot,
      senderId: agentId,
      content: request.message,
      contentType: ContentType.Text,
      channelMessageId: null,
      clientMessageId: this.invitationMessages.clientMessageId(request.invitationId),
      deliveryStatus: DeliveryStatus.Sent,
    });
    // The opened event queues it in routing, or (assigned) makes routing record it as the
    // agent's and count it on their load, so it can be transferred and frees a slot when resolved.
    const created = this.notifier.messageCreated(message, conversation, Channel.Web, 'new');
    const assigned = agentId ? [this.notifier.assigned(conversation, null)] : [];
    const events = await this.outbox.add(tx, [...created, ...assigned]);
    return { conversation, message, events };
  }

  private async senderOf(request: AcceptInvitationRequest): Promise<Sender> {
    const sender = {
      workspaceId: request.workspaceId,
      inboxId: request.inboxId,
      channel: Channel.Web,
      customerExternalId: request.visitorId,
    };
    const known = await this.conversations.customerOfSender({
      inboxId: request.inboxId,
      customerExternalId: request.visitorId,
    });
    if (known) return { ...sender, customerId: known };
    // Read before asking crm, so an undo of a merge applied after crm answered is recognised.
    const returnsSeen = await this.customerMoves.returnsSeen(request.workspaceId);
    const resolve: ResolveCustomerRequest = {
      workspaceId: request.workspaceId,
      channel: Channel.Web,
      externalId: request.visitorId,
    };
    const { customerId } = await this.rpc.request(SUBJECTS.crm.resolveCustomer, resolve);
    return { ...sender, customerId, returnsSeen };
  }
}
