import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Channel } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { In, type EntityManager } from 'typeorm';
import { CustomerIdentity, IdentityKind } from './customer-identity.entity';
import { Customer } from './customer.entity';

// A person's id on one channel: by the unique key, at most one customer per workspace.
export interface IdentityKey {
  workspaceId: string;
  channel: Channel;
  externalId: string;
}

/** One string per identity, to find a key's row among many. */
export function identityKeyOf(key: IdentityKey): string {
  return JSON.stringify([key.workspaceId, key.channel, key.externalId]);
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
    return (await this.findByIdentities([key])).get(identityKeyOf(key));
  }

  /** The customers behind `keys`, by `identityKeyOf`, in one query: unknown keys are absent. */
  async findByIdentities(
    keys: IdentityKey[],
  ): Promise<Map<string, { customerId: string; vip: boolean }>> {
    const rows = await this.manager.query<
      (IdentityKey & {
        workspace_id: string;
        external_id: string;
        customer_id: string;
        vip: boolean;
      })[]
    >(
      `select i.workspace_id, i.channel, i.external_id, i.customer_id, c.vip
         from unnest($1::uuid[], $2::text[], $3::text[]) as k(workspace_id, channel, external_id)
         join crm.customer_identities i
           on i.workspace_id = k.workspace_id and i.channel = k.channel and i.kind = $4
          and i.external_id = k.external_id
         join crm.customers c on c.id = i.customer_id`,
      [
        keys.map((key) => key.workspaceId),
        keys.map((key) => key.channel),
        keys.map((key) => key.externalId),
        IdentityKind.Channel,
      ],
    );
    return new Map(
      rows.map((row) => [
        identityKeyOf({
          workspaceId: row.workspace_id,
          channel: row.channel,
          externalId: row.external_id,
        }),
        { customerId: row.customer_id, vip: row.vip },
      ]),
    );
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
    const customer = await tx.save(newCustomer(tx, contact));
    const holderId = await this.linkIdentity(tx, contact, customer.id);
    if (holderId === customer.id) return { customer, created: true };
    await tx.delete(Customer, { id: customer.id });
    return { customer: await tx.findOneByOrFail(Customer, { id: holderId }), created: false };
  }

  /**
   * `createForIdentity` for the first contacts of many distinct identities, in two statements
   * for all of them (customers, identities); only where a racing first contact won an identity,
   * two more (the delete of the customers made here for such identities, the winners' read).
   */
  async createForIdentities(
    tx: EntityManager,
    contacts: FirstContact[],
  ): Promise<{ customer: Customer; created: boolean }[]> {
    // Ids made here, so each contact knows its customer without reading the insert's rows.
    const customers = contacts.map((contact) =>
      Object.assign(newCustomer(tx, contact), { id: randomUUID(), vip: false }),
    );
    await tx.createQueryBuilder().insert().into(Customer).values(customers).execute();
    const holders = await this.linkIdentities(tx, contacts, customers);
    const lost = customers.filter((customer, i) => holders[i] !== customer.id);
    if (lost.length === 0) return customers.map((customer) => ({ customer, created: true }));
    await tx.delete(Customer, { id: In(lost.map((customer) => customer.id)) });
    const winners = await tx.findBy(Customer, { id: In(holders) });
    return customers.map((customer, i) =>
      holders[i] === customer.id
        ? { customer, created: true }
        : { customer: winners.find((winner) => winner.id === holders[i])!, created: false },
    );
  }

  // `linkIdentity` for many: each identity's holder after the statement, in `contacts` order.
  // The rows go in key order, so two batches wait for each other's keys in the same order and
  // never deadlock; DO UPDATE needs distinct keys, which the caller guarantees.
  private async linkIdentities(
    tx: EntityManager,
    contacts: FirstContact[],
    customers: Customer[],
  ): Promise<string[]> {
    const rows = contacts
      .map((contact, i) => ({
        workspaceId: contact.workspaceId,
        customerId: customers[i].id,
        channel: contact.channel,
        externalId: contact.externalId,
        verified: contact.verified ?? false,
      }))
      .sort((a, b) => compare(identityKeyOf(a), identityKeyOf(b)));
    const upserted = await tx
      .createQueryBuilder()
      .insert()
      .into(CustomerIdentity)
      .values(rows)
      .orUpdate(['external_id'], ['workspace_id', 'channel', 'kind', 'external_id'])
      .returning('workspace_id, channel, external_id, customer_id')
      .updateEntity(false)
      .execute();
    const holders = new Map(
      (
        upserted.raw as {
          workspace_id: string;
          channel: Channel;
          external_id: string;
          customer_id: string;
        }[]
      ).map((row) => [
        identityKeyOf({
          workspaceId: row.workspace_id,
          channel: row.channel,
          externalId: row.external_id,
        }),
        row.customer_id,
      ]),
    );
    return contacts.map((contact) => holders.get(identityKeyOf(contact))!);
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

// The customer a first contact makes, as the channel told it; verified only if the channel was.
function newCustomer(tx: EntityManager, contact: FirstContact): Customer {
  return tx.create(Customer, {
    workspaceId: contact.workspaceId,
    name: contact.name ?? null,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    emailVerified: Boolean(contact.verified && contact.email),
    phoneVerified: Boolean(contact.verified && contact.phone),
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
