import { Injectable, Logger } from '@nestjs/common';
import type {
  ResolveCustomerReply,
  ResolveCustomerRequest,
  ResolveCustomersReply,
  ResolveCustomersRequest,
} from '@hub/contracts';
import { CustomerRepository, identityKeyOf } from './customer.repository';
import { CustomersService } from './customers.service';
import { CustomerWrites, customerCreated } from './customer-writes';
import { SearchableTextMasking } from './searchable-text-masking';
import { suggestLinks } from './suggest-links';

/**
 * `crm.customer.resolve-many`: each item answered as `CustomersService.resolve` answers it, in
 * a few statements for all. Known identities are found in one query; the first contacts of
 * new identities share one transaction (customers, identities, link suggestions, audit
 * entries and events each written for all at once). A verified first contact, which may join
 * an existing customer (automatic linking), goes the one-by-one way.
 */
@Injectable()
export class ResolveCustomers {
  private readonly logger = new Logger(ResolveCustomers.name);

  constructor(
    private readonly customers: CustomerRepository,
    private readonly oneByOne: CustomersService,
    private readonly writes: CustomerWrites,
    private readonly masking: SearchableTextMasking,
  ) {}

  async execute({ items }: ResolveCustomersRequest): Promise<ResolveCustomersReply> {
    const known = await this.customers.findByIdentities(items);
    const answers = new Map<string, ResolveCustomerReply>();
    for (const [key, { customerId, vip }] of known)
      answers.set(key, { customerId, created: false, vip });
    // The first item of each new identity decides its way; a later one of it is then known.
    const firsts = new Map<string, ResolveCustomerRequest>();
    for (const item of items) {
      const key = identityKeyOf(item);
      if (!answers.has(key) && !firsts.has(key)) firsts.set(key, item);
    }
    const verified = [...firsts.values()].filter((item) => item.verified);
    const plain = [...firsts.values()].filter((item) => !item.verified);
    if (plain.length > 0) {
      const created = await this.createAll(plain);
      plain.forEach((item, i) => answers.set(identityKeyOf(item), created[i]));
    }
    for (const item of verified)
      answers.set(identityKeyOf(item), await this.oneByOne.resolve(item));
    // The same identity twice: the first item is answered as created, a later one as found.
    const answered = new Set<string>();
    const customers = items.map((item) => {
      const key = identityKeyOf(item);
      const answer = answers.get(key)!;
      if (answered.has(key)) return { ...answer, created: false };
      answered.add(key);
      return answer;
    });
    return { customers };
  }

  // New customers for first contacts of distinct, unverified identities, in one transaction.
  private async createAll(contacts: ResolveCustomerRequest[]): Promise<ResolveCustomerReply[]> {
    // A channel's display name is free text like any other the search indexes hold.
    const masked = await Promise.all(
      contacts.map(async (contact) => {
        const { name } = await this.masking.mask(contact.workspaceId, { name: contact.name });
        return { ...contact, name: name ?? undefined };
      }),
    );
    const outcomes = await this.writes.run(async (tx, record) => {
      const made = await this.customers.createForIdentities(tx, masked);
      const created = made.filter((outcome) => outcome.created).map(({ customer }) => customer);
      await suggestLinks(tx, created);
      await record(
        ...made.flatMap(({ customer, created }, i) => {
          const { channel, externalId } = contacts[i];
          return created
            ? [customerCreated(customer, { channel, externalId, verified: false })]
            : [];
        }),
      );
      return made;
    });
    const created = outcomes.filter((outcome) => outcome.created).length;
    if (created > 0) this.logger.log({ created }, 'customers created');
    return outcomes.map(({ customer, created }) => ({
      customerId: customer.id,
      created,
      vip: customer.vip,
    }));
  }
}
