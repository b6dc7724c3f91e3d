import { Injectable } from '@nestjs/common';
import type { AddIdentityRequest, CustomerView, RemoveIdentityRequest } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { CustomerIdentity, IdentityKind } from './customer-identity.entity';
import { Customer } from './customer.entity';
import { CustomerError } from './customer.exception';
import { CustomerViews } from './customer-views';
import { CustomerWrites } from './customer-writes';

/** Agents add a channel identity to a customer, or take one off. */
@Injectable()
export class CustomerIdentities {
  constructor(
    private readonly writes: CustomerWrites,
    private readonly views: CustomerViews,
  ) {}

  add(request: AddIdentityRequest): Promise<CustomerView> {
    const { workspaceId, customerId, channel, externalId, actor } = request;
    const verified = request.verified ?? false;
    return this.writes.run(async (tx, record) => {
      const customer = await lockCustomer(tx, workspaceId, customerId);
      const key = { workspaceId, channel, kind: IdentityKind.Channel, externalId };
      const holder = await tx.findOneBy(CustomerIdentity, key);
      if (holder && holder.customerId !== customerId) throw CustomerError.identityTaken();
      if (holder?.verified === verified) return (await this.views.one(request, tx))!;
      // A racing add of the same id to another customer: the unique key makes the upsert
      // return that customer, and the throw rolls this transaction back.
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(CustomerIdentity)
        .values({ ...key, customerId, verified })
        .orUpdate(['verified'], ['workspace_id', 'channel', 'kind', 'external_id'])
        .returning('customer_id')
        .execute();
      const [row] = inserted.raw as { customer_id: string }[];
      if (row && row.customer_id !== customerId) throw CustomerError.identityTaken();
      await record({
        workspaceId,
        customerId,
        action: 'identity_added',
        actor,
        vip: customer.vip,
        changes: [
          {
            field: 'identities',
            from: holder ? { channel, externalId, verified: !verified } : null,
            to: { channel, externalId, verified },
          },
        ],
      });
      return (await this.views.one(request, tx))!;
    });
  }

  remove(request: RemoveIdentityRequest): Promise<CustomerView> {
    const { workspaceId, customerId, identityId, actor } = request;
    return this.writes.run(async (tx, record) => {
      const customer = await lockCustomer(tx, workspaceId, customerId);
      const identity = await tx.findOneBy(CustomerIdentity, {
        id: identityId,
        workspaceId,
        customerId,
      });
      if (!identity) throw CustomerError.identityNotFound(identityId);
      await tx.delete(CustomerIdentity, { id: identity.id });
      const { channel, kind, externalId, verified } = identity;
      await record({
        workspaceId,
        customerId,
        action: 'identity_removed',
        actor,
        vip: customer.vip,
        changes: [{ field: 'identities', from: { channel, kind, externalId, verified }, to: null }],
      });
      return (await this.views.one(request, tx))!;
    });
  }
}

async function lockCustomer(
  tx: EntityManager,
  workspaceId: string,
  customerId: string,
): Promise<Customer> {
  const customer = await tx.findOne(Customer, {
    where: { id: customerId, workspaceId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!customer) throw CustomerError.notFound(customerId);
  return customer;
}
