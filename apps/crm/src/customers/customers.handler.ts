import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetCustomerRequest,
  ResolveCustomerRequest,
  SearchCustomersRequest,
  SUBJECTS,
  type CustomerView,
  type ResolveCustomerReply,
} from '@hub/contracts';
import { CustomersService } from './customers.service';

@Controller()
export class CustomersHandler {
  constructor(private readonly customers: CustomersService) {}

  @MessagePattern(SUBJECTS.crm.resolveCustomer)
  resolve(@Payload() request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    return this.customers.resolve(request);
  }

  @MessagePattern(SUBJECTS.crm.getCustomer)
  get(@Payload() request: GetCustomerRequest): Promise<CustomerView> {
    return this.customers.get(request);
  }

  @MessagePattern(SUBJECTS.crm.searchCustomers)
  search(@Payload() request: SearchCustomersRequest): Promise<CustomerView[]> {
    return this.customers.search(request);
  }
}
