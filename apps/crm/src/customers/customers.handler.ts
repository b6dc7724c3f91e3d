import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetCustomerRequest,
  ResolveCustomerRequest,
  SearchCustomersRequest,
  SUBJECTS,
  type CustomerView,
  type ResolveCustomerReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CustomersService } from './customers.service';

@Controller()
export class CustomersHandler {
  constructor(private readonly customers: CustomersService) {}

  @RequestPattern(SUBJECTS.crm.resolveCustomer)
  resolve(@Payload() request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    return this.customers.resolve(request);
  }

  @RequestPattern(SUBJECTS.crm.getCustomer)
  get(@Payload() request: GetCustomerRequest): Promise<CustomerView> {
    return this.customers.get(request);
  }

  @RequestPattern(SUBJECTS.crm.searchCustomers)
  search(@Payload() request: SearchCustomersRequest): Promise<CustomerView[]> {
    return this.customers.search(request);
  }
}
