import { Module } from '@nestjs/common';
import { ConversationStep } from './conversation-step';
import { MergeCustomers } from './merge-customers.use-case';
import { MergeSweep } from './merge-sweep';
import { MergesHandler } from './merges.handler';
import { UndoCustomerMerge } from './undo-customer-merge.use-case';

@Module({
  controllers: [MergesHandler],
  providers: [MergeCustomers, UndoCustomerMerge, ConversationStep, MergeSweep],
})
export class MergesModule {}
