import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { CustomerView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { CustomerViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { CustomersService } from './customers.service';
import { CustomerParams, SearchCustomersQuery } from './dto/customer.dto';

@ApiController('customers', 'customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @ApiOperation({ summary: 'Search customers by name, email, phone or channel id' })
  @ApiOkResponse({ type: [CustomerViewSchema] })
  search(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Query() query: SearchCustomersQuery,
  ): Promise<CustomerView[]> {
    return this.customers.search(agent, query);
  }

  @Get(':customerId')
  @ApiOperation({ summary: 'One customer with its channel identities' })
  @ApiOkResponse({ type: CustomerViewSchema })
  @ApiErrors({
    status: 404,
    description: 'CUSTOMER_NOT_FOUND (also for a customer of another workspace)',
  })
  get(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
  ): Promise<CustomerView> {
    return this.customers.get(agent, customerId);
  }
}
