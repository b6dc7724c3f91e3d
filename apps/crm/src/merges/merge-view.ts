import type { CustomerMergeView } from '@hub/contracts';
import type { CustomerMerge, MovedRows } from './customer-merge.entity';

/** `"crm"."orders"` → `crm.orders`. */
function tableName(table: string): string {
  return table.replace(/"/g, '');
}

/** A row's primary key as text: its value, or the values joined by `:` for a composite key. */
function keyText(key: Record<string, unknown>): string {
  return Object.values(key).map(String).join(':');
}

export function movedIds(moved: MovedRows[], table: string): string[] {
  return (moved.find((rows) => tableName(rows.table) === table)?.keys ?? []).map(keyText);
}

export function mergeView(merge: CustomerMerge): CustomerMergeView {
  return {
    id: merge.id,
    workspaceId: merge.workspaceId,
    customerId: merge.customerId,
    mergedCustomerId: merge.mergedCustomerId,
    moved: Object.fromEntries(
      merge.moved
        .filter((rows) => rows.keys.length > 0)
        .map((rows) => [tableName(rows.table), rows.keys.length]),
    ),
    conversationsMoved: merge.conversationIds.length,
    conversationsPending: merge.undoneAt
      ? merge.conversationsReturnedAt === null
      : merge.conversationsMovedAt === null,
    mergedBy: merge.mergedBy,
    mergedAt: merge.mergedAt.toISOString(),
    undoneBy: merge.undoneBy,
    undoneAt: merge.undoneAt?.toISOString() ?? null,
  };
}
