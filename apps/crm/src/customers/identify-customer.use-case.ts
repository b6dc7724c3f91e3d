import { Injectable, Logger } from '@nestjs/common';
import type { IdentifyCustomerReply, IdentifyCustomerRequest } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { CustomerIdentity, IdentityKind } from './customer-identity.entity';
import { Customer } from './customer.entity';
import { CustomerRepository } from './customer.repository';

// PostgreSQL's unique_violation: another request linked the same site user in between.
const UNIQUE_VIOLATION = '23505';
const ATTEMPTS = 3;

/**
 * A site vouched that its visitor is its logged-in user. The rule, until customer merge exists:
 * - no customer holds the site user yet: it becomes an identity of the visitor's customer
 *   (created first if the visitor never wrote);
 * - another customer holds it: the visitor's identity moves to that customer, so the visitor's
 *   next messages land on the record the site user already has; the visitor's former record
 *   keeps its earlier conversations and tickets (merging the two is the merge feature's job).
 * Name and email, when given, replace the customer's: the site vouches for them.
 */
@Injectable()
export class IdentifyCustomer {
  private readonly logger = new Logger(IdentifyCustomer.name);

  constructor(
    private readonly database: Database,
    private readonly customers: CustomerRepository,
  ) {}

  async execute(request: IdentifyCustomerRequest): Promise<IdentifyCustomerReply> {
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = await this.database.dataSource.transaction((tx) => this.link(tx, request));
        this.logger.log(
          { customerId: reply.customerId, outcome: reply.outcome },
          'visitor identified',
        );
        return reply;
      } catch (error) {
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        if (code !== UNIQUE_VIOLATION || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async link(
    tx: EntityManager,
    request: IdentifyCustomerRequest,
  ): Promise<IdentifyCustomerReply> {
    const { workspaceId, channel } = request;
    const visitorKey = { workspaceId, channel, kind: IdentityKind.Channel };
    const visitor = await tx.findOneBy(CustomerIdentity, {
      ...visitorKey,
      externalId: request.externalId,
    });
    const holder = await tx.findOneBy(CustomerIdentity, {
      workspaceId,
      channel,
      kind: IdentityKind.SiteUser,
      externalId: request.externalUserId,
    });
    let reply: IdentifyCustomerReply;
    if (holder && visitor?.customerId === holder.customerId) {
      reply = { customerId: holder.customerId, outcome: 'already' };
    } else if (holder && visitor) {
      await tx.update(CustomerIdentity, { id: visitor.id }, { customerId: holder.customerId });
      reply = { customerId: holder.customerId, outcome: 'moved' };
    } else if (holder) {
      await tx.insert(CustomerIdentity, {
        ...visitorKey,
        externalId: request.externalId,
        customerId: holder.customerId,
      });
      reply = { customerId: holder.customerId, outcome: 'moved' };
    } else {
      const customerId =
        visitor?.customerId ?? (await this.customers.createWithIdentity(tx, request));
      await tx.insert(CustomerIdentity, {
        workspaceId,
        channel,
        kind: IdentityKind.SiteUser,
        externalId: request.externalUserId,
        customerId,
      });
      reply = { customerId, outcome: 'linked' };
    }
    const vouched = { name: request.name, email: request.email };
    if (vouched.name !== undefined || vouched.email !== undefined) {
      await tx.update(Customer, { id: reply.customerId }, vouched);
    }
    return reply;
  }
}
