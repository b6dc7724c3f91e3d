import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ResolveCustomerRequest, SUBJECTS, type ResolveCustomerReply } from '@hub/contracts';
import { CustomersService } from './customers.service';

@Controller()
export class CustomersHandler {
  constructor(private readonly customers: CustomersService) {}

  @MessagePattern(SUBJECTS.crm.resolveCustomer)
  resolve(@Payload() request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    return this.customers.resolve(request);
  }
}
