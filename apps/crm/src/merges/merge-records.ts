import { randomUUID } from 'node:crypto';
import { SUBJECTS } from '@hub/contracts';
import { pendingEvent, type PendingEvent } from '@hub/outbox';
import type { NewAuditEntry } from '../audit/audit-trail';
import type { CustomerMerge } from './customer-merge.entity';
import { movedIds } from './merge-view';

type Direction = 'merged' | 'unmerged';

/**
 * What a merge or its undo leaves in the audit trail: an entry on each customer, and one on each
 * ticket whose requester changed with it.
 */
export function mergeAuditEntries(
  merge: CustomerMerge,
  direction: Direction,
  actorId: string,
): NewAuditEntry[] {
  const merged = direction === 'merged';
  const { workspaceId, customerId, mergedCustomerId } = merge;
  const entry = (entityType: 'customer' | 'ticket', entityId: string) => ({
    workspaceId,
    entityType,
    entityId,
    actorType: 'agent' as const,
    actorId,
  });
  // A merge sets each link, its undo clears it.
  const link = (field: string, value: string) =>
    merged ? { field, from: null, to: value } : { field, from: value, to: null };
  const requester = merged
    ? { from: mergedCustomerId, to: customerId }
    : { from: customerId, to: mergedCustomerId };
  return [
    {
      ...entry('customer', customerId),
      action: direction,
      changes: [link('mergedCustomerId', mergedCustomerId), link('mergeId', merge.id)],
    },
    {
      ...entry('customer', mergedCustomerId),
      action: merged ? 'merged_into' : 'restored',
      changes: [link('mergedInto', customerId)],
    },
    ...movedIds(merge.moved, 'crm.tickets').map((ticketId) => ({
      ...entry('ticket', ticketId),
      action: 'requester_changed',
      changes: [{ field: 'customerId', ...requester }],
    })),
  ];
}

/** `evt.crm.customer.merged.v1` or `...unmerged.v1` for the merge, through crm's outbox. */
export function mergeEvent(
  merge: CustomerMerge,
  direction: Direction,
  actorId: string,
): PendingEvent {
  const payload = {
    eventId: randomUUID(),
    workspaceId: merge.workspaceId,
    occurredAt: new Date().toISOString(),
    mergeId: merge.id,
    customerId: merge.customerId,
    mergedCustomerId: merge.mergedCustomerId,
    identityIds: movedIds(merge.moved, 'crm.customer_identities'),
    actorId,
  };
  const event =
    direction === 'merged' ? SUBJECTS.crm.customerMerged : SUBJECTS.crm.customerUnmerged;
  return pendingEvent(event, merge.workspaceId, payload);
}
