import { Injectable, Logger } from '@nestjs/common';
import type { CustomerMergeView, UndoCustomerMergeRequest } from '@hub/contracts';
import { Outbox } from '@hub/outbox';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CustomerMerge } from './customer-merge.entity';
import { ConversationStep } from './conversation-step';
import { moveRowsBack, reinsertRows } from './customer-references';
import { MergeError } from './merge.exception';
import { mergeAuditEntries, mergeEvent } from './merge-records';
import { mergeView } from './merge-view';

const CUSTOMERS_TABLE = '"crm"."customers"';

/**
 * Undoes a merge exactly: the merged customer's row comes back as it was kept, the rows that
 * moved and still point at the surviving customer point back (with the changes made to them
 * since), and the rows that had left with the merged row are inserted again. What the surviving
 * customer got since on its own stays; conversations come back in the conversation service.
 */
@Injectable()
export class UndoCustomerMerge {
  private readonly logger = new Logger(UndoCustomerMerge.name);

  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly conversations: ConversationStep,
  ) {}

  async execute(request: UndoCustomerMergeRequest): Promise<CustomerMergeView> {
    const { merge, events } = await this.database.dataSource.transaction(async (tx) => {
      const merge = await this.undo(tx, request);
      const actorId = request.actor.agentId;
      await this.audit.record(tx, mergeAuditEntries(merge, 'unmerged', actorId));
      return { merge, events: await this.outbox.add(tx, [mergeEvent(merge, 'unmerged', actorId)]) };
    });
    await this.outbox.flush(events);
    this.logger.log({ mergeId: merge.id }, 'customer merge undone');
    return mergeView(await this.conversations.tryRun(merge.id));
  }

  private async undo(tx: EntityManager, request: UndoCustomerMergeRequest): Promise<CustomerMerge> {
    const merge = await tx.findOne(CustomerMerge, {
      where: { id: request.mergeId, workspaceId: request.workspaceId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!merge) throw MergeError.notFound(request.mergeId);
    if (merge.undoneAt) throw MergeError.alreadyUndone(merge.id);
    const survivor = await tx.query<unknown[]>(
      `select 1 from crm.customers where id = $1 and workspace_id = $2 for update`,
      [merge.customerId, merge.workspaceId],
    );
    if (survivor.length === 0) throw MergeError.undoBlocked(merge.id, merge.customerId);

    await reinsertRows(tx, CUSTOMERS_TABLE, [merge.mergedCustomer]);
    for (const left of merge.detached) await reinsertRows(tx, left.table, left.rows);
    const back = { from: merge.customerId, to: merge.mergedCustomerId };
    for (const moved of merge.moved) await moveRowsBack(tx, moved, back);

    merge.undoneAt = new Date();
    merge.undoneBy = request.actor.agentId;
    await tx.update(
      CustomerMerge,
      { id: merge.id },
      { undoneAt: merge.undoneAt, undoneBy: merge.undoneBy },
    );
    return merge;
  }
}
