import { Injectable, Logger } from '@nestjs/common';
import type { CustomerMergeView, MergeCustomersRequest } from '@hub/contracts';
import { Outbox } from '@hub/outbox';
import { Database } from '@hub/service-kit';
import { IsNull, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CustomerError } from '../customers/customer.exception';
import { CustomerMerge, type DetachedRows, type MovedRows } from './customer-merge.entity';
import { ConversationStep } from './conversation-step';
import { customerReferences, detachedRows, moveRows } from './customer-references';
import { MergeError } from './merge.exception';
import { mergeAuditEntries, mergeEvent } from './merge-records';
import { mergeView } from './merge-view';

/**
 * Merges one customer into another: every row of every table pointing at the merged customer
 * (found by foreign key, so identities, orders, notes, tickets, attributes and whatever other
 * features add) moves to the surviving one, then the merged row is removed, kept whole in the
 * merge record with the keys of what moved. A row that cannot move (both hold the same
 * attribute) stays with the merged customer's record, to come back on undo; the surviving
 * customer's own values win. Conversations follow in the conversation service (ConversationStep).
 */
@Injectable()
export class MergeCustomers {
  private readonly logger = new Logger(MergeCustomers.name);

  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly conversations: ConversationStep,
  ) {}

  async execute(request: MergeCustomersRequest): Promise<CustomerMergeView> {
    if (request.customerId === request.otherCustomerId) throw MergeError.same(request.customerId);
    const { merge, events } = await this.database.dataSource.transaction(async (tx) => {
      const merge = await this.merge(tx, request);
      const actorId = request.actor.agentId;
      await this.audit.record(tx, mergeAuditEntries(merge, 'merged', actorId));
      return { merge, events: await this.outbox.add(tx, [mergeEvent(merge, 'merged', actorId)]) };
    });
    await this.outbox.flush(events);
    this.logger.log(
      { mergeId: merge.id, customerId: merge.customerId, mergedCustomerId: merge.mergedCustomerId },
      'customers merged',
    );
    return mergeView(await this.conversations.tryRun(merge.id));
  }

  private async merge(tx: EntityManager, request: MergeCustomersRequest): Promise<CustomerMerge> {
    const { workspaceId, customerId, otherCustomerId } = request;
    await this.lockBoth(tx, request);
    const [{ row }] = await tx.query<{ row: Record<string, unknown> }[]>(
      `select to_jsonb(c) as row from crm.customers c where id = $1`,
      [otherCustomerId],
    );
    const moved: MovedRows[] = [];
    const detached: DetachedRows[] = [];
    for (const reference of await customerReferences(tx)) {
      moved.push(await moveRows(tx, reference, { from: otherCustomerId, to: customerId }));
      const left = await detachedRows(tx, reference, otherCustomerId);
      if (left.rows.length > 0) detached.push(left);
    }
    // Whatever still points at the merged customer goes with it (kept in `detached`).
    await tx.query(`delete from crm.customers where id = $1`, [otherCustomerId]);
    return tx.save(
      tx.create(CustomerMerge, {
        workspaceId,
        customerId,
        mergedCustomerId: otherCustomerId,
        mergedCustomer: row,
        moved,
        detached,
        mergedBy: request.actor.agentId,
      }),
    );
  }

  // Locked in id order, so two merges of the same pair wait for each other instead of
  // deadlocking; the second then finds one of them gone.
  private async lockBoth(tx: EntityManager, request: MergeCustomersRequest): Promise<void> {
    const { workspaceId, customerId, otherCustomerId } = request;
    const locked = await tx.query<{ id: string }[]>(
      `select id from crm.customers where workspace_id = $1 and id = any($2::uuid[])
        order by id for update`,
      [workspaceId, [customerId, otherCustomerId]],
    );
    for (const id of [customerId, otherCustomerId]) {
      if (locked.some((row) => row.id === id)) continue;
      const merged = await tx.findOneBy(CustomerMerge, {
        workspaceId,
        mergedCustomerId: id,
        undoneAt: IsNull(),
      });
      throw merged ? MergeError.alreadyMerged(id, merged.customerId) : CustomerError.notFound(id);
    }
  }
}
