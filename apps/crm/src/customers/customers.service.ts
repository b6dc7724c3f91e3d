import { Injectable, Logger } from '@nestjs/common';
import type { ResolveCustomerReply, ResolveCustomerRequest } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { CustomerIdentity } from './customer-identity.entity';
import { Customer } from './customer.entity';

@Injectable()
export class CustomersService {
  private readonly logger = new Logger(CustomersService.name);

  constructor(private readonly database: Database) {}

  /**
   * The customer behind a channel identity, created on first contact. Two first messages
   * racing both try to insert; the identity's unique key lets one win, the loser's
   * transaction (its customer row included) rolls back and it reads the winner's customer.
   */
  async resolve(request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    const manager = this.database.dataSource.manager;
    const existing = await this.findByIdentity(manager, request);
    if (existing) return { customerId: existing, created: false };

    const createdId = await this.database.dataSource.transaction((tx) => this.create(tx, request));
    if (createdId) {
      this.logger.log({ customerId: createdId, channel: request.channel }, 'customer created');
      return { customerId: createdId, created: true };
    }
    const winner = await this.findByIdentity(manager, request);
    if (!winner) throw new Error('customer identity vanished after a unique-key conflict');
    return { customerId: winner, created: false };
  }

  private async findByIdentity(
    manager: EntityManager,
    request: ResolveCustomerRequest,
  ): Promise<string | undefined> {
    const identity = await manager.findOne(CustomerIdentity, {
      where: {
        workspaceId: request.workspaceId,
        channel: request.channel,
        externalId: request.externalId,
      },
    });
    return identity?.customerId;
  }

  /** Returns the new customer's id, or undefined when another request created it first. */
  private async create(
    tx: EntityManager,
    request: ResolveCustomerRequest,
  ): Promise<string | undefined> {
    const customer = await tx.save(
      tx.create(Customer, {
        workspaceId: request.workspaceId,
        name: request.name ?? null,
        email: request.email ?? null,
        phone: request.phone ?? null,
      }),
    );
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(CustomerIdentity)
      .values({
        workspaceId: request.workspaceId,
        customerId: customer.id,
        channel: request.channel,
        externalId: request.externalId,
      })
      .orIgnore()
      .returning('id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      await tx.delete(Customer, { id: customer.id });
      return undefined;
    }
    return customer.id;
  }
}
