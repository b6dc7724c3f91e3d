import { Injectable } from '@nestjs/common';
import type {
  ConversationView,
  GetConversationRequest,
  ListConversationsRequest,
  ListMessagesRequest,
  MessageView,
  VisitorHistoryRequest,
} from '@hub/contracts';
import { ConversationStatus } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { IsNull, MoreThan, type FindOptionsWhere } from 'typeorm';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { Message } from '../messages/message.entity';
import { Conversation } from './conversation.entity';
import { ConversationError } from './conversation.exception';
import { toConversationView, toMessageView } from './views';

/** Reads: every query is scoped to the caller's workspace, so another's rows are "not found". */
@Injectable()
export class ConversationQueries {
  constructor(
    private readonly database: Database,
    private readonly inboxes: InboxDirectory,
  ) {}

  async list(request: ListConversationsRequest): Promise<ConversationView[]> {
    const where: FindOptionsWhere<Conversation> = {
      workspaceId: request.workspaceId,
      ...(request.status ? { status: request.status } : {}),
      ...(request.departmentId ? { departmentId: request.departmentId } : {}),
    };
    if (request.view === 'mine') where.assigneeId = request.actor.agentId;
    if (request.view === 'unassigned')
      Object.assign(where, {
        assigneeId: IsNull(),
        status: request.status ?? ConversationStatus.Open,
      });
    const rows = await this.database.dataSource.manager.find(Conversation, {
      where,
      order: { updatedAt: 'DESC' },
      take: request.limit ?? 50,
    });
    return Promise.all(rows.map((row) => this.view(row)));
  }

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
    const conversation = await this.database.dataSource.manager.findOne(Conversation, {
      where: {
        workspaceId: request.workspaceId,
        inboxId: request.inboxId,
        customerExternalId: request.visitorId,
      },
      order: { createdAt: 'DESC' },
    });
    if (!conversation) return { conversation: null, messages: [] };
    return {
      conversation: await this.view(conversation),
      messages: await this.messagesAfter(conversation.id, request.afterSeq ?? 0, 500),
    };
  }

  async find(workspaceId: string, conversationId: string): Promise<Conversation> {
    const conversation = await this.database.dataSource.manager.findOneBy(Conversation, {
      id: conversationId,
      workspaceId,
    });
    if (!conversation) throw ConversationError.notFound(conversationId);
    return conversation;
  }

  async view(conversation: Conversation): Promise<ConversationView> {
    const inbox = await this.inboxes.get(conversation.inboxId);
    return toConversationView(conversation, inbox.channel);
  }

  private async messagesAfter(
    conversationId: string,
    afterSeq: number,
    limit: number,
  ): Promise<MessageView[]> {
    const rows = await this.database.dataSource.manager.find(Message, {
      where: { conversationId, seq: MoreThan(afterSeq) },
      order: { seq: 'ASC' },
      take: limit,
    });
    return rows.map(toMessageView);
  }
}
