import { Module } from '@nestjs/common';
import { CustomersHandler } from './customers.handler';
import { CustomersService } from './customers.service';

@Module({
  controllers: [CustomersHandler],
  providers: [CustomersService],
})
export class CustomersModule {}
