import { Injectable } from '@nestjs/common';
import {
  socialReplyEventId,
  SOCIAL_CHANNELS,
  SUBJECTS,
  type SocialChannel,
  type SocialReplyRequested,
  type WhatsAppTemplate,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { pendingEvent, type PendingEvent } from '@hub/outbox';
import { DomainException } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import type { Conversation } from '../conversations/conversation.entity';
import type { Message } from '../messages/message.entity';
import { MessageRepository } from '../messages/message.repository';
import { replyAttachmentOf } from '../messages/reply-attachment';

// WhatsApp's customer-service window: free text only this long after the customer last wrote.
const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

const REPLY_EVENT = {
  [Channel.Messenger]: SUBJECTS.conversation.messengerReplyRequested,
  [Channel.Instagram]: SUBJECTS.conversation.instagramReplyRequested,
  [Channel.WhatsApp]: SUBJECTS.conversation.whatsappReplyRequested,
  [Channel.Telegram]: SUBJECTS.conversation.telegramReplyRequested,
  [Channel.Line]: SUBJECTS.conversation.lineReplyRequested,
} as const satisfies Record<SocialChannel, unknown>;

export function isSocialChannel(channel: Channel): channel is SocialChannel {
  return (SOCIAL_CHANNELS as readonly Channel[]).includes(channel);
}

/**
 * An agent's reply on a social conversation, made ready to be sent inside the transaction that
 * stores it: the `outbound.<channel>` request goes into the outbox beside it. A WhatsApp reply
 * past the 24-hour window is refused (rolling the reply back) unless it is a template.
 */
@Injectable()
export class SocialReply {
  constructor(private readonly messages: MessageRepository) {}

  async prepare(
    tx: EntityManager,
    reply: {
      message: Message;
      conversation: Conversation;
      channel: SocialChannel;
      template?: WhatsAppTemplate;
    },
  ): Promise<PendingEvent> {
    const { message, conversation, channel, template } = reply;
    if (channel === Channel.WhatsApp && !template) await this.assertWindowOpen(tx, conversation);
    const payload: SocialReplyRequested = {
      eventId: socialReplyEventId(message.id),
      workspaceId: conversation.workspaceId,
      inboxId: conversation.inboxId,
      channel,
      conversationId: conversation.id,
      messageId: message.id,
      recipientId: conversation.customerExternalId,
      content: message.content,
      ...replyAttachmentOf(message),
      ...(channel === Channel.WhatsApp && template ? { template } : {}),
      requestedAt: new Date().toISOString(),
    };
    return pendingEvent(REPLY_EVENT[channel], conversation.workspaceId, payload);
  }

  private async assertWindowOpen(tx: EntityManager, conversation: Conversation): Promise<void> {
    const lastInbound = await this.messages.lastInboundAt(tx, conversation.id);
    if (lastInbound && Date.now() - lastInbound.getTime() < WHATSAPP_WINDOW_MS) return;
    throw new DomainException(
      'WHATSAPP_WINDOW_CLOSED',
      'The customer last wrote more than 24 hours ago: WhatsApp only delivers a template now',
    );
  }
}
