import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AddIdentityRequest,
  CreateCustomerRequest,
  GetCustomerRequest,
  IdentifyCustomerRequest,
  RecordVisitorProfileRequest,
  RemoveIdentityRequest,
  ResolveCustomerRequest,
  ResolveCustomersRequest,
  SearchCustomersRequest,
  SUBJECTS,
  UpdateCustomerRequest,
  type CustomerPage,
  type CustomerView,
  type IdentifyCustomerReply,
  type RecordVisitorProfileReply,
  type ResolveCustomerReply,
  type ResolveCustomersReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CustomerIdentities } from './customer-identities.use-case';
import { CustomersService } from './customers.service';
import { IdentifyCustomer } from './identify-customer.use-case';
import { RecordVisitorProfile } from './record-visitor-profile.use-case';
import { ResolveCustomers } from './resolve-customers.use-case';
import { WriteCustomer } from './write-customer.use-case';

@Controller()
export class CustomersHandler {
  constructor(
    private readonly customers: CustomersService,
    private readonly identifyCustomer: IdentifyCustomer,
    private readonly recordVisitorProfile: RecordVisitorProfile,
    private readonly writeCustomer: WriteCustomer,
    private readonly identities: CustomerIdentities,
    private readonly resolveCustomers: ResolveCustomers,
  ) {}

  @RequestPattern(SUBJECTS.crm.resolveCustomer)
  resolve(@Payload() request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    return this.customers.resolve(request);
  }

  @RequestPattern(SUBJECTS.crm.resolveCustomers)
  resolveMany(@Payload() request: ResolveCustomersRequest): Promise<ResolveCustomersReply> {
    return this.resolveCustomers.execute(request);
  }

  @RequestPattern(SUBJECTS.crm.getCustomer)
  get(@Payload() request: GetCustomerRequest): Promise<CustomerView> {
    return this.customers.get(request);
  }

  @RequestPattern(SUBJECTS.crm.searchCustomers)
  search(@Payload() request: SearchCustomersRequest): Promise<CustomerPage> {
    return this.customers.search(request);
  }

  @RequestPattern(SUBJECTS.crm.createCustomer)
  create(@Payload() request: CreateCustomerRequest): Promise<CustomerView> {
    return this.writeCustomer.create(request);
  }

  @RequestPattern(SUBJECTS.crm.updateCustomer)
  update(@Payload() request: UpdateCustomerRequest): Promise<CustomerView> {
    return this.writeCustomer.update(request);
  }

  @RequestPattern(SUBJECTS.crm.addIdentity)
  addIdentity(@Payload() request: AddIdentityRequest): Promise<CustomerView> {
    return this.identities.add(request);
  }

  @RequestPattern(SUBJECTS.crm.removeIdentity)
  removeIdentity(@Payload() request: RemoveIdentityRequest): Promise<CustomerView> {
    return this.identities.remove(request);
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
