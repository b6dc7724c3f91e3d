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
import { CustomerVipQuery } from './customer-vip.query';

const DEFAULT_SEARCH_LIMIT = 20;

@Injectable()
export class CustomersService {
  private readonly logger = new Logger(CustomersService.name);

  constructor(
    private readonly customers: CustomerRepository,
    private readonly vip: CustomerVipQuery,
  ) {}

  // The identity is looked up first because nearly every contact is not a first one; only a
  // first contact pays for the transaction. A customer found (not made now) may be a VIP.
  async resolve(request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    const existing = await this.customers.findIdByIdentity(request);
    if (existing) {
      const flag = await this.vip.of(request.workspaceId, existing);
      return { customerId: existing, created: false, ...flag };
    }

    const reply = await this.customers.createForIdentity(request);
    if (reply.created) {
      this.logger.log(
        { customerId: reply.customerId, channel: request.channel },
        'customer created',
      );
    }
    // Lost the race to another first contact: the winner's customer may be a VIP already.
    if (!reply.created)
      return { ...reply, ...(await this.vip.of(request.workspaceId, reply.customerId)) };
    return reply;
  }

  async get(request: GetCustomerRequest): Promise<CustomerView> {
    const customer = await this.customers.findView(request);
    if (!customer) throw CustomerError.notFound(request.customerId);
    return { ...customer, ...(await this.vip.of(request.workspaceId, request.customerId)) };
  }

  search(request: SearchCustomersRequest): Promise<CustomerView[]> {
    return this.customers.search({
      workspaceId: request.workspaceId,
      query: request.query,
      limit: request.limit ?? DEFAULT_SEARCH_LIMIT,
    });
  }
}
