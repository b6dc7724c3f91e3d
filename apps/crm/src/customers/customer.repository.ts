import { Injectable } from '@nestjs/common';
import type { CustomerView } from '@hub/contracts';
import type { Channel } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { In, type EntityManager } from 'typeorm';
import { CustomerIdentity } from './customer-identity.entity';
import { Customer } from './customer.entity';
import { prefixPattern } from './prefix-pattern';

/** A person's id on one channel; it names at most one customer in a workspace. */
export interface IdentityKey {
  workspaceId: string;
  channel: Channel;
  externalId: string;
}

/** What the channel told about the person on their first contact. */
export interface FirstContact extends IdentityKey {
  name?: string;
  email?: string;
  phone?: string;
}

export interface CustomerSearch {
  workspaceId: string;
  query: string;
  limit: number;
}

/** The customer record and its channel identities: the only code that reads or writes them. */
@Injectable()
export class CustomerRepository {
  constructor(private readonly database: Database) {}

  private get manager(): EntityManager {
    return this.database.dataSource.manager;
  }

  async findIdByIdentity(key: IdentityKey): Promise<string | undefined> {
    const identity = await this.manager.findOneBy(CustomerIdentity, {
      workspaceId: key.workspaceId,
      channel: key.channel,
      externalId: key.externalId,
    });
    return identity?.customerId;
  }

  /**
   * Creates the customer with its identity in one transaction and returns its id, or undefined
   * when the identity already names a customer (a racing request created it first). The
   * identity's unique key decides the race: the loser deletes the customer row it made before
   * its transaction commits, so nobody ever sees it.
   */
  createWithIdentity(contact: FirstContact): Promise<string | undefined> {
    return this.database.dataSource.transaction(async (tx) => {
      const customer = await tx.save(
        tx.create(Customer, {
          workspaceId: contact.workspaceId,
          name: contact.name ?? null,
          email: contact.email ?? null,
          phone: contact.phone ?? null,
        }),
      );
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(CustomerIdentity)
        .values({
          workspaceId: contact.workspaceId,
          customerId: customer.id,
          channel: contact.channel,
          externalId: contact.externalId,
        })
        .orIgnore()
        .returning('id')
        .execute();
      if ((inserted.raw as unknown[]).length > 0) return customer.id;
      await tx.delete(Customer, { id: customer.id });
      return undefined;
    });
  }

  async findView(key: { workspaceId: string; customerId: string }): Promise<CustomerView | null> {
    const customer = await this.manager.findOneBy(Customer, {
      id: key.customerId,
      workspaceId: key.workspaceId,
    });
    if (!customer) return null;
    const [view] = await this.withIdentities([customer]);
    return view;
  }

  /** Prefix match, case-insensitive, on name, email, phone or any channel id; latest first. */
  async search({ workspaceId, query, limit }: CustomerSearch): Promise<CustomerView[]> {
    const customers = await this.manager
      .createQueryBuilder(Customer, 'c')
      .where('c.workspace_id = :workspaceId', { workspaceId })
      .andWhere(
        `(c.name ILIKE :pattern OR c.email ILIKE :pattern OR c.phone ILIKE :pattern OR EXISTS (
          SELECT 1 FROM crm.customer_identities i
          WHERE i.customer_id = c.id AND i.external_id ILIKE :pattern))`,
        { pattern: prefixPattern(query) },
      )
      .orderBy('c.updatedAt', 'DESC')
      .take(limit)
      .getMany();
    return this.withIdentities(customers);
  }

  private async withIdentities(customers: Customer[]): Promise<CustomerView[]> {
    const identities = customers.length
      ? await this.manager.find(CustomerIdentity, {
          where: { customerId: In(customers.map((c) => c.id)) },
          order: { createdAt: 'ASC' },
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
