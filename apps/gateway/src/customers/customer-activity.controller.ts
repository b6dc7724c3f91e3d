import { Body, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { NoteView, OrderView, PutOrderReply, TimelinePage } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { ApiKeyAllowed } from '../api-keys/api-key-allowed.decorator';
import { CurrentCaller, type Caller } from '../api-keys/current-caller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { CustomerActivityService } from './customer-activity.service';
import {
  NoteSchema,
  OrderSchema,
  PutOrderReplySchema,
  TimelinePageSchema,
} from './customer-schemas';
import {
  CustomerParams,
  NoteBody,
  OrderParams,
  PageQuery,
  PutOrderBody,
  PutOrderSchema,
} from './dto/customer.dto';

const NOT_FOUND = { status: 404, description: 'CUSTOMER_NOT_FOUND' };

@ApiController('customers', 'customers')
export class CustomerActivityController {
  constructor(private readonly activity: CustomerActivityService) {}

  @Put(':customerId/orders/:externalId')
  @ApiKeyAllowed()
  @ApiOperation({
    summary:
      "Store the shop's order as it stands now (idempotent: the same order again changes nothing)",
  })
  @ApiBody({ type: PutOrderSchema })
  @ApiOkResponse({ type: PutOrderReplySchema })
  @ApiErrors(
    NOT_FOUND,
    { status: 401, description: 'AUTH_API_KEY_INVALID: an unknown or revoked X-Api-Key' },
    {
      status: 409,
      description: 'ORDER_OF_ANOTHER_CUSTOMER: the order number is recorded on another customer',
    },
  )
  putOrder(
    @CurrentCaller() caller: Caller,
    @Param() { customerId, externalId }: OrderParams,
    @Body() body: PutOrderBody,
  ): Promise<PutOrderReply> {
    return this.activity.putOrder(caller, { customerId, externalId }, body);
  }

  @Get(':customerId/orders')
  @ApiOperation({ summary: "The customer's orders, latest first" })
  @ApiOkResponse({ type: [OrderSchema] })
  @ApiErrors(NOT_FOUND)
  orders(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
  ): Promise<OrderView[]> {
    return this.activity.orders(agent, customerId);
  }

  @Get(':customerId/notes')
  @ApiOperation({ summary: "Agents' notes on the customer and their conversations, newest first" })
  @ApiOkResponse({ type: [NoteSchema] })
  notes(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
  ): Promise<NoteView[]> {
    return this.activity.customerNotes(agent, customerId);
  }

  @Post(':customerId/notes')
  @ApiOperation({ summary: 'Write a note on the customer (agents see it, the customer never)' })
  @ApiCreatedResponse({ type: NoteSchema })
  @ApiErrors(NOT_FOUND)
  addNote(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
    @Body() { body }: NoteBody,
  ): Promise<NoteView> {
    return this.activity.addCustomerNote(agent, customerId, body);
  }

  @Get(':customerId/timeline')
  @ApiOperation({
    summary:
      "The customer's conversations on every channel, tickets, orders, notes and visits, newest first",
  })
  @ApiOkResponse({ type: TimelinePageSchema })
  @ApiErrors(NOT_FOUND, { status: 400, description: 'CURSOR_INVALID' })
  timeline(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
    @Query() query: PageQuery,
  ): Promise<TimelinePage> {
    return this.activity.timeline(agent, customerId, query);
  }
}
