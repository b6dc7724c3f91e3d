import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CrmCustomerDataRequest,
  SUBJECTS,
  type CrmCustomerExport,
  type ErasedRows,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CustomerData } from './customer-data';

/** A customer's export and erasure, asked by gateway. */
@Controller()
export class PrivacyHandler {
  constructor(private readonly customers: CustomerData) {}

  @RequestPattern(SUBJECTS.crm.exportCustomerData)
  export(@Payload() request: CrmCustomerDataRequest): Promise<CrmCustomerExport> {
    return this.customers.export(request);
  }

  @RequestPattern(SUBJECTS.crm.eraseCustomerData)
  erase(@Payload() request: CrmCustomerDataRequest): Promise<ErasedRows> {
    return this.customers.erase(request);
  }
}
