import { Injectable } from '@nestjs/common';
import type { CustomerView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { In, type EntityManager } from 'typeorm';
import { CustomerAttribute } from './customer-attribute.entity';
import { CustomerIdentity } from './customer-identity.entity';
import { Customer } from './customer.entity';

/** Customers as agents see them: the row, its identities and its attribute values. */
@Injectable()
export class CustomerViews {
  constructor(private readonly database: Database) {}

  async one(
    key: { workspaceId: string; customerId: string },
    manager: EntityManager = this.database.dataSource.manager,
  ): Promise<CustomerView | null> {
    const customer = await manager.findOneBy(Customer, {
      id: key.customerId,
      workspaceId: key.workspaceId,
    });
    if (!customer) return null;
    const [view] = await this.of([customer], manager);
    return view;
  }

  /** The views of `customers`, in their order. */
  async of(
    customers: Customer[],
    manager: EntityManager = this.database.dataSource.manager,
  ): Promise<CustomerView[]> {
    if (customers.length === 0) return [];
    const ids = customers.map((customer) => customer.id);
    const [identities, attributes] = await Promise.all([
      manager.find(CustomerIdentity, {
        where: { customerId: In(ids) },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      manager.find(CustomerAttribute, { where: { customerId: In(ids) }, order: { key: 'ASC' } }),
    ]);
    return customers.map((customer) => toView(customer, identities, attributes));
  }
}

function toView(
  customer: Customer,
  identities: CustomerIdentity[],
  attributes: CustomerAttribute[],
): CustomerView {
  return {
    id: customer.id,
    workspaceId: customer.workspaceId,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    emailVerified: customer.emailVerified,
    phoneVerified: customer.phoneVerified,
    locale: customer.locale,
    timeZone: customer.timeZone,
    avatarUrl: customer.avatarUrl,
    company: customer.company,
    tags: customer.tags,
    vip: customer.vip,
    attributes: Object.fromEntries(
      attributes
        .filter((attribute) => attribute.customerId === customer.id)
        .map((attribute) => [attribute.key, attribute.value]),
    ),
    identities: identities
      .filter((identity) => identity.customerId === customer.id)
      .map(({ id, channel, kind, externalId, verified }) => ({
        id,
        channel,
        kind,
        externalId,
        verified,
      })),
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
  };
}
