import { Injectable } from '@nestjs/common';
import {
  emailReplyEventId,
  MAX_THREAD_REFERENCES,
  replyTokenOf,
  sentMessageId,
  SUBJECTS,
  type EmailReplyRequested,
} from '@hub/contracts';
import { pendingEvent, type PendingEvent } from '@hub/outbox';
import type { EntityManager } from 'typeorm';
import type { Conversation } from '../conversations/conversation.entity';
import type { Message } from '../messages/message.entity';
import { MessageRepository } from '../messages/message.repository';
import { replyAttachmentOf } from '../messages/reply-attachment';
import { EmailInboxDirectory } from './email-inbox-directory';

/**
 * An agent's reply on an email conversation, made ready to be mailed inside the transaction
 * that stores it: the reply gets its Message-ID (its channel id, so the customer's answer
 * threads back to it), and the `outbound.email` request goes into the outbox beside it.
 */
@Injectable()
export class EmailReply {
  constructor(
    private readonly inboxes: EmailInboxDirectory,
    private readonly messages: MessageRepository,
  ) {}

  async prepare(
    tx: EntityManager,
    {
      message,
      conversation,
      agentName,
    }: { message: Message; conversation: Conversation; agentName: string },
  ): Promise<PendingEvent> {
    const inbox = await this.inboxes.get(conversation.workspaceId, conversation.inboxId);
    // Read before this reply gets its own id: the references are what it answers.
    const references = await this.messages.threadMessageIds(
      tx,
      conversation.id,
      MAX_THREAD_REFERENCES,
    );
    const channelMessageId = sentMessageId(message.id, inbox.address);
    await this.messages.setChannelMessageId(tx, message.id, channelMessageId);
    // The caller answers with this message: it shows the id (and so its delivery status) too.
    message.channelMessageId = channelMessageId;
    const subject = conversation.subject
      ? `Re: ${conversation.subject}`
      : `Re: ${inbox.displayName ?? inbox.address}`;
    const payload: EmailReplyRequested = {
      eventId: emailReplyEventId(message.id),
      workspaceId: conversation.workspaceId,
      inboxId: conversation.inboxId,
      conversationId: conversation.id,
      messageId: message.id,
      fromAddress: inbox.address,
      fromName: inbox.displayName ? `${agentName} (${inbox.displayName})` : agentName,
      to: conversation.customerExternalId,
      subject,
      references,
      replyToken: replyTokenOf(conversation.id),
      content: message.content,
      ...(inbox.signature ? { signature: inbox.signature } : {}),
      ...replyAttachmentOf(message),
      requestedAt: new Date().toISOString(),
    };
    return pendingEvent(
      SUBJECTS.conversation.emailReplyRequested,
      conversation.workspaceId,
      payload,
    );
  }
}
