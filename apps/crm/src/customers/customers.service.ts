import { Injectable, Logger } from '@nestjs/common';
import type {
  CustomerView,
  GetCustomerRequest,
  ResolveCustomerReply,
  ResolveCustomerRequest,
  SearchCustomersRequest,
} from '@hub/contracts';
import { CustomerError } from './customer.exception';
import { CustomerRepository } from './customer.repository';

const DEFAULT_SEARCH_LIMIT = 20;

@Injectable()
export class CustomersService {
  private readonly logger = new Logger(CustomersService.name);

  constructor(private readonly customers: CustomerRepository) {}

  /**
   * The customer behind a channel identity, created on first contact. Two first contacts
   * racing both try to create; the identity's unique key lets one win and the loser answers
   * with the winner's customer.
   */
  async resolve(request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    const existing = await this.customers.findIdByIdentity(request);
    if (existing) return { customerId: existing, created: false };

    const createdId = await this.customers.createWithIdentity(request);
    if (createdId) {
      this.logger.log({ customerId: createdId, channel: request.channel }, 'customer created');
      return { customerId: createdId, created: true };
    }
    const winner = await this.customers.findIdByIdentity(request);
    // Only a delete of the winner's customer in between could get here, and nothing deletes one.
    if (!winner) throw new Error('customer identity vanished after a unique-key conflict');
    return { customerId: winner, created: false };
  }

  async get(request: GetCustomerRequest): Promise<CustomerView> {
    const customer = await this.customers.findView(request);
    if (!customer) throw CustomerError.notFound(request.customerId);
    return customer;
  }

  search(request: SearchCustomersRequest): Promise<CustomerView[]> {
    return this.customers.search({
      workspaceId: request.workspaceId,
      query: request.query,
      limit: request.limit ?? DEFAULT_SEARCH_LIMIT,
    });
  }
}
