import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  MergeCustomersRequest,
  SUBJECTS,
  UndoCustomerMergeRequest,
  type CustomerMergeView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { MergeCustomers } from './merge-customers.use-case';
import { UndoCustomerMerge } from './undo-customer-merge.use-case';

@Controller()
export class MergesHandler {
  constructor(
    private readonly mergeCustomers: MergeCustomers,
    private readonly undoCustomerMerge: UndoCustomerMerge,
  ) {}

  @RequestPattern(SUBJECTS.crm.mergeCustomers)
  merge(@Payload() request: MergeCustomersRequest): Promise<CustomerMergeView> {
    return this.mergeCustomers.execute(request);
  }

  @RequestPattern(SUBJECTS.crm.undoCustomerMerge)
  undo(@Payload() request: UndoCustomerMergeRequest): Promise<CustomerMergeView> {
    return this.undoCustomerMerge.execute(request);
  }
}
