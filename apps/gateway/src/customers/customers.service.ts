import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type CustomerView,
  type GetCustomerRequest,
  type SearchCustomersRequest,
} from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import type { SearchCustomersQuery } from './dto/customer.dto';

/** Customer records from crm, always within the agent's workspace. */
@Injectable()
export class CustomersService {
  constructor(private readonly rpc: RpcClient) {}

  async get(agent: AuthenticatedAgent, customerId: string): Promise<CustomerView> {
    const request: GetCustomerRequest = { workspaceId: agent.workspaceId, customerId };
    const customer = await this.rpc.request(SUBJECTS.crm.getCustomer, request);
    // Defence in depth: crm scopes by workspace already.
    if (customer.workspaceId !== agent.workspaceId) {
      throw new DomainException('CUSTOMER_NOT_FOUND', 'Customer not found');
    }
    return customer;
  }

  async search(agent: AuthenticatedAgent, query: SearchCustomersQuery): Promise<CustomerView[]> {
    const request: SearchCustomersRequest = {
      workspaceId: agent.workspaceId,
      query: query.query,
      ...pick(query, ['limit']),
    };
    const customers = await this.rpc.request(SUBJECTS.crm.searchCustomers, request);
    return customers.filter((customer) => customer.workspaceId === agent.workspaceId);
  }
}
