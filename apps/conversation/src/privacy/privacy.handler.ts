import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ConversationCustomerDataRequest,
  SUBJECTS,
  type ConversationCustomerExport,
  type ConversationErasure,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CustomerConversations } from './customer-conversations';

/** A customer's export and erasure, asked by gateway. */
@Controller()
export class PrivacyHandler {
  constructor(private readonly conversations: CustomerConversations) {}

  @RequestPattern(SUBJECTS.conversation.exportCustomerData)
  export(@Payload() request: ConversationCustomerDataRequest): Promise<ConversationCustomerExport> {
    return this.conversations.export(request);
  }

  @RequestPattern(SUBJECTS.conversation.eraseCustomerData)
  erase(@Payload() request: ConversationCustomerDataRequest): Promise<ConversationErasure> {
    return this.conversations.erase(request);
  }
}
