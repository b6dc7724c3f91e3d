import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  MergeCustomerConversationsRequest,
  SUBJECTS,
  UnmergeCustomerConversationsRequest,
  type CustomerConversationsMoved,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { MergeCustomerConversations } from './merge-customer-conversations.use-case';
import { UnmergeCustomerConversations } from './unmerge-customer-conversations.use-case';

/** crm's customer merges, as far as they concern conversations. */
@Controller()
export class CustomersHandler {
  constructor(
    private readonly mergeConversations: MergeCustomerConversations,
    private readonly unmergeConversations: UnmergeCustomerConversations,
  ) {}

  @RequestPattern(SUBJECTS.conversation.mergeCustomerConversations)
  merge(
    @Payload() request: MergeCustomerConversationsRequest,
  ): Promise<CustomerConversationsMoved> {
    return this.mergeConversations.execute(request);
  }

  @RequestPattern(SUBJECTS.conversation.unmergeCustomerConversations)
  unmerge(
    @Payload() request: UnmergeCustomerConversationsRequest,
  ): Promise<CustomerConversationsMoved> {
    return this.unmergeConversations.execute(request);
  }
}
