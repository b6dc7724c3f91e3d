import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssignConversationRequest,
  ChangeConversationStatusRequest,
  GetConversationRequest,
  ListConversationsRequest,
  ListMessagesRequest,
  SUBJECTS,
  UnassignConversationRequest,
  VisitorHistoryRequest,
  type ConversationView,
  type MessageView,
} from '@hub/contracts';
import { ConversationLifecycle } from './conversation-lifecycle';
import { ConversationQueries } from './conversation-queries';

@Controller()
export class ConversationsHandler {
  constructor(
    private readonly queries: ConversationQueries,
    private readonly lifecycle: ConversationLifecycle,
  ) {}

  @MessagePattern(SUBJECTS.conversation.listConversations)
  list(@Payload() request: ListConversationsRequest): Promise<ConversationView[]> {
    return this.queries.list(request);
  }

  @MessagePattern(SUBJECTS.conversation.getConversation)
  get(@Payload() request: GetConversationRequest): Promise<ConversationView> {
    return this.queries.get(request);
  }

  @MessagePattern(SUBJECTS.conversation.listMessages)
  messages(@Payload() request: ListMessagesRequest): Promise<MessageView[]> {
    return this.queries.messages(request);
  }

  @MessagePattern(SUBJECTS.conversation.visitorHistory)
  visitorHistory(@Payload() request: VisitorHistoryRequest) {
    return this.queries.visitorHistory(request);
  }

  @MessagePattern(SUBJECTS.conversation.assign)
  assign(@Payload() request: AssignConversationRequest): Promise<ConversationView> {
    return this.lifecycle.assign(request);
  }

  @MessagePattern(SUBJECTS.conversation.unassign)
  unassign(@Payload() request: UnassignConversationRequest): Promise<ConversationView> {
    return this.lifecycle.unassign(request);
  }

  @MessagePattern(SUBJECTS.conversation.resolve)
  resolve(@Payload() request: ChangeConversationStatusRequest): Promise<ConversationView> {
    return this.lifecycle.resolve(request);
  }

  @MessagePattern(SUBJECTS.conversation.reopen)
  reopen(@Payload() request: ChangeConversationStatusRequest): Promise<ConversationView> {
    return this.lifecycle.reopen(request);
  }
}
