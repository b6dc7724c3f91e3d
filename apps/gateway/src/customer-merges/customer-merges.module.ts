import { Module } from '@nestjs/common';
import {
  CustomerMergesController,
  MergeIntoCustomerController,
} from './customer-merges.controller';
import { CustomerMergesService } from './customer-merges.service';

@Module({
  controllers: [MergeIntoCustomerController, CustomerMergesController],
  providers: [CustomerMergesService],
})
export class CustomerMergesModule {}
