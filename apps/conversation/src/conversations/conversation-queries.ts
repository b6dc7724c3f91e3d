import { Injectable } from '@nestjs/common';
import type {
  ConversationView,
  GetConversationRequest,
  ListMessagesRequest,
  MessageView,
  VisitorHistoryRequest,
} from '@hub/contracts';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { MessageRepository } from '../messages/message.repository';
import type { Conversation } from './conversation.entity';
import { ConversationError } from './conversation.exception';
import { ConversationRepository } from './conversation.repository';
import { toConversationView, toMessageView } from './views';

/** Reads: every query is scoped to the caller's workspace, so another's rows are "not found". */
@Injectable()
export class ConversationQueries {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messageRows: MessageRepository,
    private readonly inboxes: InboxDirectory,
  ) {}

  async get(request: GetConversationRequest): Promise<ConversationView> {
    return this.view(await this.find(request.workspaceId, request.conversationId));
  }

  async messages(request: ListMessagesRequest): Promise<MessageView[]> {
    await this.find(request.workspaceId, request.conversationId);
    return this.messagesAfter(request.conversationId, request.afterSeq ?? 0, request.limit ?? 200);
  }

  /** The visitor's current (or last) conversation in a web inbox, and what it missed. */
  async visitorHistory(
    request: VisitorHistoryRequest,
  ): Promise<{ conversation: ConversationView | null; messages: MessageView[] }> {
    await this.inboxes.getInWorkspace(request.workspaceId, request.inboxId);
    const conversation = await this.conversations.latestOfVisitor({
      workspaceId: request.workspaceId,
      inboxId: request.inboxId,
      customerExternalId: request.visitorId,
    });
    if (!conversation) return { conversation: null, messages: [] };
    return {
      conversation: await this.view(conversation),
      messages: await this.messagesAfter(conversation.id, request.afterSeq ?? 0, 500),
    };
  }

  private async find(workspaceId: string, conversationId: string): Promise<Conversation> {
    const conversation = await this.conversations.findInWorkspace(workspaceId, conversationId);
    if (!conversation) throw ConversationError.notFound(conversationId);
    return conversation;
  }

  private async view(conversation: Conversation): Promise<ConversationView> {
    const inbox = await this.inboxes.get(conversation.inboxId);
    return toConversationView(conversation, inbox.channel);
  }

  private async messagesAfter(
    conversationId: string,
    afterSeq: number,
    limit: number,
  ): Promise<MessageView[]> {
    const rows = await this.messageRows.listAfter({ conversationId, afterSeq, limit });
    return rows.map(toMessageView);
  }
}
