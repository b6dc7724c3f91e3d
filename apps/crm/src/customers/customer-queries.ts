import { Injectable } from '@nestjs/common';
import type { CustomerView, GetCustomerRequest, SearchCustomersRequest } from '@hub/contracts';
import { Database, DomainException } from '@hub/service-kit';
import { In } from 'typeorm';
import { CustomerIdentity } from './customer-identity.entity';
import { Customer } from './customer.entity';

/** Reads of the customer record, always within one workspace. */
@Injectable()
export class CustomerQueries {
  constructor(private readonly database: Database) {}

  async get(request: GetCustomerRequest): Promise<CustomerView> {
    const customer = await this.database.dataSource.manager.findOneBy(Customer, {
      id: request.customerId,
      workspaceId: request.workspaceId,
    });
    if (!customer) {
      throw new DomainException(
        'CUSTOMER_NOT_FOUND',
        `Customer ${request.customerId} does not exist`,
      );
    }
    const [view] = await this.withIdentities([customer]);
    return view;
  }

  /** Prefix match, case-insensitive, on name, email, phone or any channel id. */
  async search(request: SearchCustomersRequest): Promise<CustomerView[]> {
    const pattern = `${request.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const customers = await this.database.dataSource.manager
      .createQueryBuilder(Customer, 'c')
      .where('c.workspace_id = :workspaceId', { workspaceId: request.workspaceId })
      .andWhere(
        `(c.name ILIKE :pattern OR c.email ILIKE :pattern OR c.phone ILIKE :pattern OR EXISTS (
          SELECT 1 FROM crm.customer_identities i
          WHERE i.customer_id = c.id AND i.external_id ILIKE :pattern))`,
        { pattern },
      )
      .orderBy('c.updatedAt', 'DESC')
      .take(request.limit ?? 20)
      .getMany();
    return this.withIdentities(customers);
  }

  private async withIdentities(customers: Customer[]): Promise<CustomerView[]> {
    const identities = customers.length
      ? await this.database.dataSource.manager.findBy(CustomerIdentity, {
          customerId: In(customers.map((c) => c.id)),
        })
      : [];
    return customers.map((customer) => ({
      id: customer.id,
      workspaceId: customer.workspaceId,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      identities: identities
        .filter((identity) => identity.customerId === customer.id)
        .map(({ channel, externalId }) => ({ channel, externalId })),
      createdAt: customer.createdAt.toISOString(),
    }));
  }
}
