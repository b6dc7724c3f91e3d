import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ListOrdersRequest,
  PutOrderRequest,
  SUBJECTS,
  type OrderView,
  type PutOrderReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { OrdersService } from './orders.service';

@Controller()
export class OrdersHandler {
  constructor(private readonly orders: OrdersService) {}

  @RequestPattern(SUBJECTS.crm.putOrder)
  put(@Payload() request: PutOrderRequest): Promise<PutOrderReply> {
    return this.orders.put(request);
  }

  @RequestPattern(SUBJECTS.crm.listOrders)
  list(@Payload() request: ListOrdersRequest): Promise<OrderView[]> {
    return this.orders.list(request);
  }
}
