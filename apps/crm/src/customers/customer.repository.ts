import { Injectable } from '@nestjs/common';
import type { Channel } from '@hub/domain';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { CustomerIdentity, IdentityKind } from './customer-identity.entity';
import { Customer } from './customer.entity';

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
  /** The channel verified the identity and the email or phone given. */
  verified?: boolean;
}

// Finding customers by their identities and making them on a first contact; the use cases
// hold the rules.
@Injectable()
export class CustomerRepository {
  constructor(private readonly database: Database) {}

  private get manager(): EntityManager {
    return this.database.dataSource.manager;
  }

  async findByIdentity(
    key: IdentityKey,
  ): Promise<{ customerId: string; vip: boolean } | undefined> {
    const [row] = await this.manager.query<{ customer_id: string; vip: boolean }[]>(
      `select i.customer_id, c.vip
         from crm.customer_identities i join crm.customers c on c.id = i.customer_id
        where i.workspace_id = $1 and i.channel = $2 and i.kind = $3 and i.external_id = $4`,
      [key.workspaceId, key.channel, IdentityKind.Channel, key.externalId],
    );
    return row && { customerId: row.customer_id, vip: row.vip };
  }

  /** The customer holding `email` or `phone` (digits compared) verified, if one does. */
  async findVerifiedHolder(
    tx: EntityManager,
    contact: { workspaceId: string; email?: string; phone?: string },
  ): Promise<Customer | null> {
    const [row] = await tx.query<{ id: string }[]>(
      `select id from crm.customers
        where workspace_id = $1
          and ((email_verified and lower(email) = lower($2))
            or (phone_verified and $3 <> ''
                and regexp_replace(phone, '\\D', '', 'g') = $3))
        order by created_at, id
        limit 1`,
      [contact.workspaceId, contact.email ?? null, (contact.phone ?? '').replace(/\D/g, '')],
    );
    return row ? tx.findOneBy(Customer, { id: row.id }) : null;
  }

  /**
   * The channel identity on an existing customer, in the caller's transaction. Returns the
   * customer that holds it after the statement: a racing first contact may have won.
   */
  async linkIdentity(
    tx: EntityManager,
    contact: FirstContact,
    customerId: string,
  ): Promise<string> {
    const upserted = await tx
      .createQueryBuilder()
      .insert()
      .into(CustomerIdentity)
      .values({
        workspaceId: contact.workspaceId,
        customerId,
        channel: contact.channel,
        externalId: contact.externalId,
        verified: contact.verified ?? false,
      })
      .orUpdate(['external_id'], ['workspace_id', 'channel', 'kind', 'external_id'])
      .returning('customer_id')
      .execute();
    const [{ customer_id: holderId }] = upserted.raw as { customer_id: string }[];
    return holderId;
  }

  // Two first contacts of one identity may race here, on any replica. The identity's unique
  // key decides: DO UPDATE (unlike DO NOTHING) waits for the winner and returns its row, so the
  // loser learns the winner's customer in the same statement, then deletes the customer row it
  // made before anyone could see it.
  async createForIdentity(
    tx: EntityManager,
    contact: FirstContact,
  ): Promise<{ customer: Customer; created: boolean }> {
    const customer = await tx.save(
      tx.create(Customer, {
        workspaceId: contact.workspaceId,
        name: contact.name ?? null,
        email: contact.email ?? null,
        phone: contact.phone ?? null,
        emailVerified: Boolean(contact.verified && contact.email),
        phoneVerified: Boolean(contact.verified && contact.phone),
      }),
    );
    const holderId = await this.linkIdentity(tx, contact, customer.id);
    if (holderId === customer.id) return { customer, created: true };
    await tx.delete(Customer, { id: customer.id });
    return { customer: await tx.findOneByOrFail(Customer, { id: holderId }), created: false };
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
}
