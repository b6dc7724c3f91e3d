import { Module } from '@nestjs/common';
import { CustomerRepository } from './customer.repository';
import { CustomersHandler } from './customers.handler';
import { CustomersService } from './customers.service';

@Module({
  controllers: [CustomersHandler],
  providers: [CustomersService, CustomerRepository],
})
export class CustomersModule {}
