import { Injectable, Logger } from '@nestjs/common';
import type {
  CustomerPage,
  CustomerView,
  GetCustomerRequest,
  ResolveCustomerReply,
  ResolveCustomerRequest,
  SearchCustomersRequest,
} from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { CustomerError } from './customer.exception';
import { CustomerRepository } from './customer.repository';
import { CustomerSearch } from './customer-search';
import { SearchableTextMasking } from './searchable-text-masking';
import { CustomerViews } from './customer-views';
import { CustomerWrites, customerCreated, SYSTEM_ACTOR, type RecordWrite } from './customer-writes';
import { suggestLinks } from './suggest-links';

@Injectable()
export class CustomersService {
  private readonly logger = new Logger(CustomersService.name);

  constructor(
    private readonly customers: CustomerRepository,
    private readonly writes: CustomerWrites,
    private readonly views: CustomerViews,
    private readonly finder: CustomerSearch,
    private readonly masking: SearchableTextMasking,
  ) {}

  // The identity is looked up first because nearly every contact is not a first one; only a
  // first contact pays for the transaction.
  async resolve(request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    const existing = await this.customers.findByIdentity(request);
    if (existing) return { customerId: existing.customerId, created: false, vip: existing.vip };

    // A channel's display name is free text like any other the search indexes hold.
    const { name } = await this.masking.mask(request.workspaceId, { name: request.name });
    const contact = { ...request, name: name ?? undefined };
    const reply = await this.writes.run((tx, record) => this.firstContact(tx, record, contact));
    if (reply.created) {
      this.logger.log(
        { customerId: reply.customerId, channel: request.channel },
        'customer created',
      );
    }
    return reply;
  }

  async get(request: GetCustomerRequest): Promise<CustomerView> {
    const customer = await this.views.one(request);
    if (!customer) throw CustomerError.notFound(request.customerId);
    return customer;
  }

  search(request: SearchCustomersRequest): Promise<CustomerPage> {
    return this.finder.page(request);
  }

  // A verified email or phone that a customer already holds verified is the same person: the
  // new identity joins that customer (automatic linking). Otherwise a new customer, and weaker
  // matches with others become suggestions.
  private async firstContact(
    tx: EntityManager,
    record: RecordWrite,
    request: ResolveCustomerRequest,
  ): Promise<ResolveCustomerReply> {
    const { workspaceId, channel, externalId } = request;
    const identity = { channel, externalId, verified: request.verified ?? false };
    const holder = request.verified ? await this.customers.findVerifiedHolder(tx, request) : null;
    if (holder) {
      const customerId = await this.customers.linkIdentity(tx, request, holder.id);
      if (customerId === holder.id) {
        await record({
          workspaceId,
          customerId,
          action: 'identity_linked',
          actor: SYSTEM_ACTOR,
          vip: holder.vip,
          changes: [{ field: 'identities', from: null, to: identity }],
        });
      }
      return { customerId, created: false, vip: holder.vip };
    }
    const { customer, created } = await this.customers.createForIdentity(tx, request);
    if (created) {
      await suggestLinks(tx, [customer]);
      await record(customerCreated(customer, identity));
    }
    return { customerId: customer.id, created, vip: customer.vip };
  }
}
