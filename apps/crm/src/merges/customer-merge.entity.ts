import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The rows of one table that moved to the surviving customer: their primary keys, as jsonb. */
export interface MovedRows {
  /** `crm.orders`. */
  table: string;
  /** The column pointing at the customer. */
  column: string;
  keys: Record<string, unknown>[];
}

/** Rows that could not move (a key clash) and left with the merged customer, whole. */
export interface DetachedRows {
  table: string;
  rows: Record<string, unknown>[];
}

/**
 * One merge, and its undo: who, when, and exactly what moved. The merged customer's row is kept
 * whole (`to_jsonb`), so an undo restores it with every column, those added later included.
 */
@Entity({ schema: 'crm', name: 'customer_merges' })
@Index('uq_customer_merges_merged_customer', ['mergedCustomerId'], {
  unique: true,
  where: 'undone_at IS NULL',
})
@Index('ix_customer_merges_customer', ['customerId', 'mergedAt'])
@Index('ix_customer_merges_conversations_pending', ['mergedAt'], {
  where:
    '(undone_at IS NULL AND conversations_moved_at IS NULL) OR (undone_at IS NOT NULL AND conversations_returned_at IS NULL)',
})
@Check('ck_customer_merges_two_customers', 'customer_id <> merged_customer_id')
export class CustomerMerge {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_customer_merges' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  /** The surviving record. */
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ name: 'merged_customer_id', type: 'uuid' })
  mergedCustomerId!: string;

  /** The merged customer's row as it was (`to_jsonb(crm.customers)`). */
  @Column({ name: 'merged_customer', type: 'jsonb' })
  mergedCustomer!: Record<string, unknown>;

  @Column({ name: 'moved', type: 'jsonb', default: () => "'[]'" })
  moved!: MovedRows[];

  @Column({ name: 'detached', type: 'jsonb', default: () => "'[]'" })
  detached!: DetachedRows[];

  @Column({ name: 'conversation_ids', type: 'uuid', array: true, default: () => "'{}'" })
  conversationIds!: string[];

  /** Conversations the undo gave back to the merged customer. */
  @Column({ name: 'returned_conversation_ids', type: 'uuid', array: true, default: () => "'{}'" })
  returnedConversationIds!: string[];

  /** When the conversation service moved the conversations; null while that step is to do. */
  @Column({ name: 'conversations_moved_at', type: 'timestamptz', nullable: true })
  conversationsMovedAt!: Date | null;

  /** When the conversation service gave them back after the undo. */
  @Column({ name: 'conversations_returned_at', type: 'timestamptz', nullable: true })
  conversationsReturnedAt!: Date | null;

  @Column({ name: 'merged_by', type: 'uuid', nullable: true })
  mergedBy!: string | null;

  @Column({ name: 'merged_at', type: 'timestamptz', default: () => 'now()' })
  mergedAt!: Date;

  @Column({ name: 'undone_by', type: 'uuid', nullable: true })
  undoneBy!: string | null;

  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true })
  undoneAt!: Date | null;
}
