import { Injectable } from '@nestjs/common';
import {
  emailReplyEventId,
  replyTokenOf,
  SUBJECTS,
  type AgentEmailTranscriptRequest,
  type EmailReplyRequested,
  type EmailTranscriptReply,
  type EmailTranscriptRequest,
  type EmailInboxView,
  type TranscriptLanguage,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { ContentType, DeliveryStatus, MessageDirection, SenderType } from '@hub/domain';
import { Outbox, pendingEvent, type PendingEvent } from '@hub/outbox';
import { Database, DomainException } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { CurrentActors } from '../actors/current-actors';
import { assertMayAct } from '../conversations/conversation-lifecycle';
import type { Conversation } from '../conversations/conversation.entity';
import { ConversationError } from '../conversations/conversation.exception';
import { ConversationRepository } from '../conversations/conversation.repository';
import { InboxDirectory } from '../inboxes/inbox-directory';
import type { Message } from '../messages/message.entity';
import { MessageRepository } from '../messages/message.repository';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { EmailInboxDirectory } from './email-inbox-directory';
import { transcriptMail, transcriptRequestedNote } from './transcript-mail';

// A longer conversation keeps its latest messages (the mail's text is limited anyway).
const MAX_MESSAGES = 1_000;

/** What both requests name: the conversation, where to, in which language. */
interface TranscriptTarget {
  workspaceId: string;
  conversationId: string;
  email: string;
  language: TranscriptLanguage;
}

/**
 * A conversation's transcript mailed on request, by its visitor or by an agent, through the
 * same path as an agent's email reply: a system message records the request (pending until
 * connector-email reports the relay's answer, then sent or failed) and the `outbound.email`
 * request goes into the outbox in the same transaction, from the conversation's email inbox or
 * the one that answers the web inbox's left messages. connector-web limits how often a visitor
 * may ask.
 */
@Injectable()
export class EmailTranscript {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly inboxes: InboxDirectory,
    private readonly emailInboxes: EmailInboxDirectory,
    private readonly actors: CurrentActors,
    private readonly notifier: ConversationNotifier,
    private readonly outbox: Outbox,
  ) {}

  /** The visitor asks for their own conversation (connector-web). */
  forVisitor(request: EmailTranscriptRequest): Promise<EmailTranscriptReply> {
    return this.mail(request, (conversation) => {
      if (
        !conversation ||
        conversation.inboxId !== request.inboxId ||
        conversation.customerExternalId !== request.visitorId
      ) {
        // One answer whatever the reason: a visitor learns nothing of others' conversations.
        throw new DomainException(
          'TRANSCRIPT_NOT_ALLOWED',
          `Conversation ${request.conversationId} is not yours to have mailed`,
        );
      }
      return conversation;
    });
  }

  /** An agent who may act on the conversation mails it to the customer (gateway). */
  async forAgent(request: AgentEmailTranscriptRequest): Promise<EmailTranscriptReply> {
    const actor = await this.actors.current(request.workspaceId, request.actor.agentId);
    return this.mail(request, (conversation) => {
      if (!conversation) throw ConversationError.notFound(request.conversationId);
      assertMayAct(conversation, actor);
      return conversation;
    });
  }

  private async mail(
    request: TranscriptTarget,
    authorize: (conversation: Conversation | null) => Conversation,
  ): Promise<EmailTranscriptReply> {
    const found = authorize(
      await this.conversations.findInWorkspace(request.workspaceId, request.conversationId),
    );
    const inbox = await this.inboxes.get(found.inboxId);
    // A mail conversation's own inbox, else the one answering the web inbox's left messages.
    const emailInbox = await this.emailInboxes.answeringInboxOf(
      request.workspaceId,
      inbox.channel === Channel.Email ? inbox.id : inbox.widgetSettings?.offlineEmailInboxId,
    );
    if (!emailInbox) {
      throw new DomainException(
        'TRANSCRIPT_UNAVAILABLE',
        'This workspace has no email inbox to send transcripts from',
      );
    }
    const history = await this.messages.listAfter({
      conversationId: found.id,
      afterSeq: 0,
      limit: MAX_MESSAGES,
    });
    const agentNames = await this.agentNames(request.workspaceId, history);
    const mail = transcriptMail({
      language: request.language,
      from: emailInbox.displayName ?? inbox.name,
      messages: history,
      agentNames,
    });
    const { message, conversation, events } = await this.database.dataSource.transaction((tx) =>
      this.store(tx, { request, authorize, emailInbox, mail }),
    );
    await this.outbox.flush(events);
    await this.notifier.fanOutMessage(message, conversation, inbox.channel);
    return { messageId: message.id };
  }

  private async store(
    tx: EntityManager,
    {
      request,
      authorize,
      emailInbox,
      mail,
    }: {
      request: TranscriptTarget;
      authorize: (conversation: Conversation | null) => Conversation;
      emailInbox: EmailInboxView;
      mail: { subject: string; content: string };
    },
  ): Promise<{ message: Message; conversation: Conversation; events: PendingEvent[] }> {
    // Asked again of the locked row: an assignment may have changed meanwhile.
    const current = authorize(
      await this.conversations.lockInWorkspace(tx, request.workspaceId, request.conversationId),
    );
    const seq = current.lastSeq + 1;
    const conversation = await this.conversations.update(tx, current.id, { lastSeq: seq });
    const message = await this.messages.insert(tx, {
      workspaceId: current.workspaceId,
      conversationId: current.id,
      inboxId: current.inboxId,
      seq,
      direction: MessageDirection.Outbound,
      senderType: SenderType.System,
      senderId: null,
      content: transcriptRequestedNote(request.language, request.email),
      contentType: ContentType.Text,
      channelMessageId: null,
      clientMessageId: null,
      deliveryStatus: DeliveryStatus.Pending,
      attachmentFileId: null,
      attachment: null,
    });
    const payload: EmailReplyRequested = {
      eventId: emailReplyEventId(message.id),
      workspaceId: current.workspaceId,
      // The email inbox: its relay sends the mail, its address is the sender.
      inboxId: emailInbox.inboxId,
      conversationId: current.id,
      messageId: message.id,
      fromAddress: emailInbox.address,
      fromName: emailInbox.displayName ?? emailInbox.address,
      to: request.email,
      subject: mail.subject,
      references: [],
      replyToken: replyTokenOf(current.id),
      content: mail.content,
      ...(emailInbox.signature ? { signature: emailInbox.signature } : {}),
      requestedAt: new Date().toISOString(),
    };
    const { channel } = await this.inboxes.get(current.inboxId);
    const events = await this.outbox.add(tx, [
      ...this.notifier.messageCreated(message, conversation, channel, null),
      pendingEvent(SUBJECTS.conversation.emailReplyRequested, current.workspaceId, payload),
    ]);
    return { message, conversation, events };
  }

  /** The names customers see of the agents who wrote; a removed agent stays unnamed. */
  private async agentNames(
    workspaceId: string,
    history: readonly Message[],
  ): Promise<Map<string, string>> {
    const ids = new Set(
      history.flatMap((message) =>
        message.senderType === SenderType.Agent && message.senderId ? [message.senderId] : [],
      ),
    );
    const names = new Map<string, string>();
    for (const id of ids) {
      const actor = await this.actors.current(workspaceId, id).catch(() => null);
      if (actor) names.set(id, actor.name);
    }
    return names;
  }
}
