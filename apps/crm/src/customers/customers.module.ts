import { Module } from '@nestjs/common';
import { CustomerQueries } from './customer-queries';
import { CustomersHandler } from './customers.handler';
import { CustomersService } from './customers.service';

@Module({
  controllers: [CustomersHandler],
  providers: [CustomersService, CustomerQueries],
})
export class CustomersModule {}
