import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type ChannelIdentity } from '@hub/contracts';
import { Database, RpcClient } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CustomerMerge } from './customer-merge.entity';

/**
 * The conversation service's part of a merge (its conversations move too) or of an undo (they
 * come back, with those that arrived since on the merged customer's identities), asked after
 * crm's commit. The merge row stays locked while asking, so a merge's step and its undo's step
 * never cross; both requests are idempotent, so a step retried after a lost reply is harmless.
 */
@Injectable()
export class ConversationStep {
  private readonly logger = new Logger(ConversationStep.name);

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Does the step still to do, if any, and answers the merge as it then stands. With
   * `skipLocked` (the sweep), a merge another replica is working on is left alone (null).
   */
  run(mergeId: string, { skipLocked = false } = {}): Promise<CustomerMerge | null> {
    return this.database.dataSource.transaction(async (tx) => {
      const merge = await tx.findOne(CustomerMerge, {
        where: { id: mergeId },
        lock: { mode: 'pessimistic_write', ...(skipLocked ? { onLocked: 'skip_locked' } : {}) },
      });
      if (!merge) return null;
      if (!merge.undoneAt && !merge.conversationsMovedAt) await this.move(tx, merge);
      if (merge.undoneAt && !merge.conversationsReturnedAt) await this.giveBack(tx, merge);
      return merge;
    });
  }

  /** As `run`, but a failure is logged and left to the sweep: crm's part is committed already. */
  async tryRun(mergeId: string): Promise<CustomerMerge> {
    try {
      const merge = await this.run(mergeId);
      if (merge) return merge;
    } catch (error) {
      this.logger.warn({ err: error, mergeId }, 'conversations not moved yet; the sweep retries');
    }
    return this.database.dataSource.manager.findOneByOrFail(CustomerMerge, { id: mergeId });
  }

  private async move(tx: EntityManager, merge: CustomerMerge): Promise<void> {
    const { conversationIds } = await this.rpc.request(
      SUBJECTS.conversation.mergeCustomerConversations,
      {
        workspaceId: merge.workspaceId,
        mergeId: merge.id,
        fromCustomerId: merge.mergedCustomerId,
        toCustomerId: merge.customerId,
      },
    );
    merge.conversationIds = conversationIds;
    merge.conversationsMovedAt = new Date();
    await tx.update(
      CustomerMerge,
      { id: merge.id },
      { conversationIds, conversationsMovedAt: merge.conversationsMovedAt },
    );
  }

  // Tickets opened since the merge on a conversation that goes back follow it: they arrived on
  // one of the merged customer's identities.
  private async giveBack(tx: EntityManager, merge: CustomerMerge): Promise<void> {
    const identities = await tx.query<ChannelIdentity[]>(
      `select channel, external_id as "externalId" from crm.customer_identities
        where customer_id = $1 and kind = 'channel'`,
      [merge.mergedCustomerId],
    );
    const { conversationIds } = await this.rpc.request(
      SUBJECTS.conversation.unmergeCustomerConversations,
      {
        workspaceId: merge.workspaceId,
        mergeId: merge.id,
        fromCustomerId: merge.customerId,
        toCustomerId: merge.mergedCustomerId,
        identities,
      },
    );
    const [tickets] = await tx.query<[{ id: string }[], number]>(
      `update crm.tickets t set customer_id = $1, updated_at = now()
        where t.workspace_id = $2 and t.customer_id = $3 and t.created_at >= $5
          and exists (select 1 from crm.ticket_conversations l
                       where l.ticket_id = t.id and l.conversation_id = any($4::uuid[]))
        returning t.id`,
      [
        merge.mergedCustomerId,
        merge.workspaceId,
        merge.customerId,
        conversationIds,
        merge.mergedAt,
      ],
    );
    await this.audit.record(
      tx,
      tickets.map(({ id }) => ({
        workspaceId: merge.workspaceId,
        entityType: 'ticket' as const,
        entityId: id,
        action: 'requester_changed',
        actorType: 'agent' as const,
        actorId: merge.undoneBy,
        changes: [{ field: 'customerId', from: merge.customerId, to: merge.mergedCustomerId }],
      })),
    );
    merge.returnedConversationIds = conversationIds;
    merge.conversationsReturnedAt = new Date();
    await tx.update(
      CustomerMerge,
      { id: merge.id },
      {
        returnedConversationIds: conversationIds,
        conversationsReturnedAt: merge.conversationsReturnedAt,
      },
    );
  }
}
