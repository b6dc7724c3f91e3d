import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CustomerConversationsRequest, SUBJECTS, type ConversationView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CustomerConversations } from './customer-conversations.query';

@Controller()
export class CustomerConversationsHandler {
  constructor(private readonly conversations: CustomerConversations) {}

  @RequestPattern(SUBJECTS.conversation.customerConversations)
  page(@Payload() request: CustomerConversationsRequest): Promise<ConversationView[]> {
    return this.conversations.page(request);
  }
}
