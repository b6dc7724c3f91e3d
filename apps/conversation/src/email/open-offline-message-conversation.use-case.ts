import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  subjectLineOf,
  type InboundMessageReceived,
  type OpenOfflineMessageConversationReply,
  type OpenOfflineMessageConversationRequest,
} from '@hub/contracts';
import { Channel, ContentType } from '@hub/domain';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { MessageRepository } from '../messages/message.repository';
import { ReceiveInboundMessage } from '../messages/receive-inbound-message.use-case';
import { EmailInboxDirectory } from './email-inbox-directory';

// As long as a ticket's subject (crm), so the mail thread and the ticket read alike.
const SUBJECT_MAX_LENGTH = 120;

/**
 * A message a visitor left while nobody was online, stored as if they had mailed it to the
 * workspace's email inbox: the same path as any inbound mail (customer by email identity, one
 * active conversation per customer and inbox, outbox events), so an agent's answer is an
 * ordinary email reply and the customer's reply mail threads back to it. Its Message-ID is made
 * from the edge's key, so a resend stores nothing new and answers the same conversation.
 */
@Injectable()
export class OpenOfflineMessageConversation {
  constructor(
    private readonly inboxes: InboxDirectory,
    private readonly emailInboxes: EmailInboxDirectory,
    private readonly receive: ReceiveInboundMessage,
    private readonly messages: MessageRepository,
  ) {}

  async execute(
    request: OpenOfflineMessageConversationRequest,
  ): Promise<OpenOfflineMessageConversationReply> {
    const { workspaceId } = request;
    const webInbox = await this.inboxes.getInWorkspace(workspaceId, request.webInboxId);
    const emailInbox = await this.emailInboxes.answeringInboxOf(
      workspaceId,
      webInbox.widgetSettings?.offlineEmailInboxId,
    );
    if (!emailInbox) return { conversationId: null };
    const domain = emailInbox.address.slice(emailInbox.address.lastIndexOf('@') + 1);
    // Hashed: the key's ':' may not stand in a Message-ID (RFC 5322 dot-atom).
    const key = createHash('sha256').update(request.messageKey).digest('hex').slice(0, 32);
    const messageId = `offline-message.${key}@${domain}`;
    const email = request.email.toLowerCase();
    const received: InboundMessageReceived = {
      workspaceId,
      inboxId: emailInbox.inboxId,
      channel: Channel.Email,
      externalMessageId: messageId,
      customer: { externalId: email, name: request.name, email },
      content: request.message,
      contentType: ContentType.Text,
      email: {
        messageId,
        references: [],
        subject: subjectLineOf(request.message, SUBJECT_MAX_LENGTH),
        autoReply: false,
      },
      sentAt: new Date().toISOString(),
    };
    await this.receive.execute(received);
    const stored = await this.messages.findByChannelMessageIdOrFail(emailInbox.inboxId, messageId);
    return { conversationId: stored.conversationId };
  }
}
