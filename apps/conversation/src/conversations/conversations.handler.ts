import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AssignConversationRequest,
  ChangeConversationStatusRequest,
  GetConversationRequest,
  ListConversationsRequest,
  ListMessagesRequest,
  MarkConversationReadRequest,
  SUBJECTS,
  UnassignConversationRequest,
  VisitorHistoryRequest,
  type ConversationListPage,
  type ConversationReadView,
  type ConversationView,
  type MessageView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { ReadPositions } from '../reads/read-positions';
import { ConversationLifecycle } from './conversation-lifecycle';
import { ConversationList } from './conversation-list.query';
import { ConversationQueries } from './conversation-queries';

@Controller()
export class ConversationsHandler {
  constructor(
    private readonly queries: ConversationQueries,
    private readonly lifecycle: ConversationLifecycle,
    private readonly conversationList: ConversationList,
    private readonly reads: ReadPositions,
  ) {}

  @RequestPattern(SUBJECTS.conversation.listConversations)
  list(@Payload() request: ListConversationsRequest): Promise<ConversationListPage> {
    return this.conversationList.page(request);
  }

  @RequestPattern(SUBJECTS.conversation.markConversationRead)
  markRead(@Payload() request: MarkConversationReadRequest): Promise<ConversationReadView> {
    return this.reads.markRead(request);
  }

  @RequestPattern(SUBJECTS.conversation.getConversation)
  get(@Payload() request: GetConversationRequest): Promise<ConversationView> {
    return this.queries.get(request);
  }

  @RequestPattern(SUBJECTS.conversation.listMessages)
  messages(@Payload() request: ListMessagesRequest): Promise<MessageView[]> {
    return this.queries.messages(request);
  }

  @RequestPattern(SUBJECTS.conversation.visitorHistory)
  visitorHistory(@Payload() request: VisitorHistoryRequest) {
    return this.queries.visitorHistory(request);
  }

  @RequestPattern(SUBJECTS.conversation.assign)
  assign(@Payload() request: AssignConversationRequest): Promise<ConversationView> {
    return this.lifecycle.assign(request);
  }

  @RequestPattern(SUBJECTS.conversation.unassign)
  unassign(@Payload() request: UnassignConversationRequest): Promise<ConversationView> {
    return this.lifecycle.unassign(request);
  }

  @RequestPattern(SUBJECTS.conversation.resolve)
  resolve(@Payload() request: ChangeConversationStatusRequest): Promise<ConversationView> {
    return this.lifecycle.resolve(request);
  }

  @RequestPattern(SUBJECTS.conversation.reopen)
  reopen(@Payload() request: ChangeConversationStatusRequest): Promise<ConversationView> {
    return this.lifecycle.reopen(request);
  }
}
