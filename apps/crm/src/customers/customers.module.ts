import { Module } from '@nestjs/common';
import { CustomerRepository } from './customer.repository';
import { CustomerVipQuery } from './customer-vip.query';
import { CustomersHandler } from './customers.handler';
import { CustomersService } from './customers.service';
import { IdentifyCustomer } from './identify-customer.use-case';
import { RecordVisitorProfile } from './record-visitor-profile.use-case';

@Module({
  controllers: [CustomersHandler],
  providers: [
    CustomersService,
    CustomerRepository,
    CustomerVipQuery,
    IdentifyCustomer,
    RecordVisitorProfile,
  ],
  exports: [CustomersService],
})
export class CustomersModule {}
