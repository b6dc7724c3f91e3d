import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { OrdersHandler } from './orders.handler';
import { OrdersService } from './orders.service';

@Module({
  imports: [CustomersModule],
  controllers: [OrdersHandler],
  providers: [OrdersService],
  exports: [OrdersService],
})
export class OrdersModule {}
