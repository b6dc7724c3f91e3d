import { Injectable, Logger } from '@nestjs/common';
import type { IdentifyCustomerReply, IdentifyCustomerRequest } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import type { AuditChange } from '../audit/audit-entry.entity';
import { CustomerIdentity, IdentityKind } from './customer-identity.entity';
import { Customer } from './customer.entity';
import { CustomerRepository } from './customer.repository';
import { CustomerWrites, SYSTEM_ACTOR, type RecordWrite } from './customer-writes';

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
 * Name and email, when given, replace the customer's: the site vouches for them, so the email
 * counts as verified (automatic linking trusts it).
 */
@Injectable()
export class IdentifyCustomer {
  private readonly logger = new Logger(IdentifyCustomer.name);

  constructor(
    private readonly writes: CustomerWrites,
    private readonly customers: CustomerRepository,
  ) {}

  async execute(request: IdentifyCustomerRequest): Promise<IdentifyCustomerReply> {
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = await this.writes.run((tx, record) => this.link(tx, record, request));
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
    record: RecordWrite,
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
    if (reply.outcome === 'moved' && visitor) await this.recordMove(tx, record, visitor);
    await this.recordLink(tx, record, request, reply);
    return reply;
  }

  private async recordLink(
    tx: EntityManager,
    record: RecordWrite,
    request: IdentifyCustomerRequest,
    reply: IdentifyCustomerReply,
  ): Promise<void> {
    const { workspaceId, channel } = request;
    const changes = await this.takeVouched(tx, reply.customerId, request);
    // Linked: the site user joined the record; moved: the visitor joined the site user's.
    const joined =
      reply.outcome === 'linked'
        ? { channel, kind: IdentityKind.SiteUser, externalId: request.externalUserId }
        : { channel, kind: IdentityKind.Channel, externalId: request.externalId };
    if (reply.outcome !== 'already')
      changes.unshift({ field: 'identities', from: null, to: joined });
    if (changes.length > 0) {
      const customer = await tx.findOneByOrFail(Customer, { id: reply.customerId });
      await record({
        workspaceId,
        customerId: reply.customerId,
        action: reply.outcome === 'already' ? 'updated' : 'identity_linked',
        actor: SYSTEM_ACTOR,
        vip: customer.vip,
        changes,
      });
    }
  }

  private async takeVouched(
    tx: EntityManager,
    customerId: string,
    request: IdentifyCustomerRequest,
  ): Promise<AuditChange[]> {
    const customer = await tx.findOneByOrFail(Customer, { id: customerId });
    const vouched: Partial<Pick<Customer, 'name' | 'email' | 'emailVerified'>> = {};
    if (request.name !== undefined) vouched.name = request.name;
    if (request.email !== undefined)
      Object.assign(vouched, { email: request.email, emailVerified: true });
    const changes = (Object.keys(vouched) as (keyof typeof vouched)[])
      .filter((field) => customer[field] !== vouched[field])
      .map((field) => ({ field, from: customer[field], to: vouched[field] }));
    if (changes.length > 0) await tx.update(Customer, { id: customerId }, vouched);
    return changes;
  }

  // The visitor's former record no longer holds the visitor's identity.
  private async recordMove(
    tx: EntityManager,
    record: RecordWrite,
    visitor: CustomerIdentity,
  ): Promise<void> {
    const former = await tx.findOneByOrFail(Customer, { id: visitor.customerId });
    const { channel, kind, externalId } = visitor;
    await record({
      workspaceId: visitor.workspaceId,
      customerId: former.id,
      action: 'identity_removed',
      actor: SYSTEM_ACTOR,
      vip: former.vip,
      changes: [{ field: 'identities', from: { channel, kind, externalId }, to: null }],
    });
  }
}
