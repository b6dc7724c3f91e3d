import { Module } from '@nestjs/common';
import { CustomerMoves } from './customer-moves';
import { CustomersHandler } from './customers.handler';
import { MergeCustomerConversations } from './merge-customer-conversations.use-case';
import { UnmergeCustomerConversations } from './unmerge-customer-conversations.use-case';

/** Conversations following crm's customer merges and their undos. */
@Module({
  controllers: [CustomersHandler],
  providers: [CustomerMoves, MergeCustomerConversations, UnmergeCustomerConversations],
  exports: [CustomerMoves],
})
export class CustomersModule {}
