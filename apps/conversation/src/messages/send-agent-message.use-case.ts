import { Injectable } from '@nestjs/common';
import {
  attachmentContentType,
  type MessageView,
  type SendAgentMessageRequest,
} from '@hub/contracts';
import {
  ACTIVE_CONVERSATION_STATUSES,
  Channel,
  ContentType,
  DeliveryStatus,
  MessageDirection,
  SenderType,
} from '@hub/domain';
import { Database } from '@hub/service-kit';
import { CurrentActors, type CurrentActor } from '../actors/current-actors';
import { EmailReply } from '../email/email-reply';
import { isSocialChannel, SocialReply } from '../social/social-reply';
import type { EntityManager } from 'typeorm';
import { assertMayAct } from '../conversations/conversation-lifecycle';
import type { Conversation } from '../conversations/conversation.entity';
import { ConversationError } from '../conversations/conversation.exception';
import { ConversationRepository } from '../conversations/conversation.repository';
import { toMessageView } from '../conversations/views';
import { FileDirectory } from '../files/file-directory';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { Outbox, type PendingEvent } from '@hub/outbox';
import type { Message } from './message.entity';
import { MessageRepository } from './message.repository';

/**
 * An agent's reply: stored with the next sequence number, once per (agent, clientMessageId),
 * so a client resending after a lost answer gets the same message back. The first reply
 * records the conversation's first-response time.
 */
@Injectable()
export class SendAgentMessage {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly inboxes: InboxDirectory,
    private readonly notifier: ConversationNotifier,
    private readonly outbox: Outbox,
    private readonly actors: CurrentActors,
    private readonly files: FileDirectory,
    private readonly emailReply: EmailReply,
    private readonly socialReply: SocialReply,
  ) {}

  async execute(request: SendAgentMessageRequest): Promise<MessageView> {
    const actor = await this.actors.current(request.workspaceId, request.actor.agentId);
    const { message, conversation, events } = await this.database.dataSource.transaction((tx) =>
      this.store(tx, request, actor),
    );
    await this.outbox.flush(events);
    const { channel } = await this.inboxes.get(conversation.inboxId);
    await this.notifier.fanOutMessage(message, conversation, channel);
    return toMessageView(message);
  }

  private async store(
    tx: EntityManager,
    request: SendAgentMessageRequest,
    actor: CurrentActor,
  ): Promise<{ message: Message; conversation: Conversation; events: PendingEvent[] }> {
    const conversation = await this.conversations.lockInWorkspace(
      tx,
      request.workspaceId,
      request.conversationId,
    );
    if (!conversation) throw ConversationError.notFound(request.conversationId);
    const resent = await this.messages.findAgentReply(tx, {
      conversationId: conversation.id,
      agentId: request.actor.agentId,
      clientMessageId: request.clientMessageId,
    });
    if (resent) return { message: resent, conversation, events: [] };

    assertMayAct(conversation, actor);
    if (!ACTIVE_CONVERSATION_STATUSES.includes(conversation.status)) {
      throw ConversationError.illegalTransition(
        `cannot reply to a ${conversation.status} conversation; reopen it first`,
      );
    }
    const attachment = request.attachmentFileId
      ? await this.files.attachable(tx, {
          workspaceId: conversation.workspaceId,
          fileId: request.attachmentFileId,
          attacher: { kind: 'agent' },
        })
      : null;
    const { channel } = await this.inboxes.get(conversation.inboxId);
    // A mailed or platform-sent reply is pending until its connector reports what became of it.
    const mailed = channel === Channel.Email;
    const social = isSocialChannel(channel);
    // A reply in an API inbox is pending until the gateway reports what its callback answered.
    const reported = mailed || social || channel === Channel.Api;
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
    const updated = await this.conversations.update(tx, conversation.id, {
      lastSeq: seq,
      ...firstResponse,
    });
    const message = await this.messages.insert(tx, {
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      inboxId: conversation.inboxId,
      seq,
      direction: MessageDirection.Outbound,
      senderType: SenderType.Agent,
      senderId: request.actor.agentId,
      content: request.content,
      contentType: attachment
        ? attachmentContentType(attachment.mimeType)
        : (request.contentType ?? ContentType.Text),
      channelMessageId: null,
      clientMessageId: request.clientMessageId,
      deliveryStatus: reported ? DeliveryStatus.Pending : DeliveryStatus.Sent,
      attachmentFileId: attachment?.id ?? null,
      attachment,
    });
    const events = await this.outbox.add(tx, [
      ...this.notifier.messageCreated(message, updated, channel, null),
      ...(mailed
        ? [
            await this.emailReply.prepare(tx, {
              message,
              conversation: updated,
              agentName: actor.name,
            }),
          ]
        : []),
      ...(social
        ? [
            await this.socialReply.prepare(tx, {
              message,
              conversation: updated,
              channel,
              template: request.template,
            }),
          ]
        : []),
    ]);
    return { message, conversation: updated, events };
  }
}
