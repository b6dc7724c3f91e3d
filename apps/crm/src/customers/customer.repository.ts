import { Injectable } from '@nestjs/common';
import type { CustomerView } from '@hub/contracts';
import type { Channel } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { In, type EntityManager } from 'typeorm';
import { CustomerIdentity, IdentityKind } from './customer-identity.entity';
import { Customer } from './customer.entity';
import { prefixPattern } from './prefix-pattern';

// A person's id on one channel: by the unique key, at most one customer per workspace.
export interface IdentityKey {
  workspaceId: string;
  channel: Channel;
  externalId: string;
}

// What the channel told about the person on their first contact; kept as given.
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

// The only code that reads or writes crm's customers and their identities, so the service
// holds the rules and no SQL.
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
      kind: IdentityKind.Channel,
      externalId: key.externalId,
    });
    return identity?.customerId;
  }

  // Two first contacts of one identity may race here, on any replica. The identity's unique
  // key decides: DO UPDATE (unlike DO NOTHING) waits for the winner and returns its row, so the
  // loser learns the winner's customer in the same statement, then deletes the customer row it
  // made before anyone could see it.
  createForIdentity(contact: FirstContact): Promise<{ customerId: string; created: boolean }> {
    return this.database.dataSource.transaction(async (tx) => {
      const customer = await tx.save(
        tx.create(Customer, {
          workspaceId: contact.workspaceId,
          name: contact.name ?? null,
          email: contact.email ?? null,
          phone: contact.phone ?? null,
        }),
      );
      const upserted = await tx
        .createQueryBuilder()
        .insert()
        .into(CustomerIdentity)
        .values({
          workspaceId: contact.workspaceId,
          customerId: customer.id,
          channel: contact.channel,
          externalId: contact.externalId,
        })
        .orUpdate(['external_id'], ['workspace_id', 'channel', 'kind', 'external_id'])
        .returning('customer_id')
        .execute();
      const [{ customer_id: customerId }] = upserted.raw as { customer_id: string }[];
      if (customerId === customer.id) return { customerId, created: true };
      await tx.delete(Customer, { id: customer.id });
      return { customerId, created: false };
    });
  }

  /**
   * A new customer holding one channel identity, in the caller's transaction (the identity's
   * unique key refuses a racing twin; the caller retries).
   */
  async createWithIdentity(tx: EntityManager, contact: FirstContact): Promise<string> {
    const customer = await tx.save(
      tx.create(Customer, {
        workspaceId: contact.workspaceId,
        name: contact.name ?? null,
        email: contact.email ?? null,
        phone: contact.phone ?? null,
      }),
    );
    await tx.insert(CustomerIdentity, {
      workspaceId: contact.workspaceId,
      customerId: customer.id,
      channel: contact.channel,
      kind: IdentityKind.Channel,
      externalId: contact.externalId,
    });
    return customer.id;
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

  // As SearchCustomersRequest promises: a prefix, case-insensitive, latest updated first.
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
        .map(({ channel, kind, externalId }) => ({ channel, kind, externalId })),
      createdAt: customer.createdAt.toISOString(),
    }));
  }
}
