import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetCustomerRequest,
  IdentifyCustomerRequest,
  RecordVisitorProfileRequest,
  ResolveCustomerRequest,
  SearchCustomersRequest,
  SUBJECTS,
  type CustomerView,
  type IdentifyCustomerReply,
  type RecordVisitorProfileReply,
  type ResolveCustomerReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CustomersService } from './customers.service';
import { IdentifyCustomer } from './identify-customer.use-case';
import { RecordVisitorProfile } from './record-visitor-profile.use-case';

@Controller()
export class CustomersHandler {
  constructor(
    private readonly customers: CustomersService,
    private readonly identifyCustomer: IdentifyCustomer,
    private readonly recordVisitorProfile: RecordVisitorProfile,
  ) {}

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

  @RequestPattern(SUBJECTS.crm.identifyCustomer)
  identify(@Payload() request: IdentifyCustomerRequest): Promise<IdentifyCustomerReply> {
    return this.identifyCustomer.execute(request);
  }

  @RequestPattern(SUBJECTS.crm.recordVisitorProfile)
  recordProfile(
    @Payload() request: RecordVisitorProfileRequest,
  ): Promise<RecordVisitorProfileReply> {
    return this.recordVisitorProfile.execute(request);
  }
}
