import type { ChannelIdentity } from '@hub/contracts';
import { bigintToNumber } from '@hub/persistence';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One crm merge as the conversation service applied it (its id is crm's merge id): the
 * conversations that moved from the merged customer to the surviving one, and, once undone,
 * those given back. While not returned, a message resolved to `fromCustomerId` goes to
 * `toCustomerId`. An undo that arrives before its merge leaves a row with no `movedAt`, so the
 * late merge moves nothing.
 */
@Entity({ schema: 'conversation', name: 'customer_moves' })
@Index('uq_customer_moves_from_customer', ['fromCustomerId'], {
  unique: true,
  where: 'returned_at IS NULL',
})
@Index('ix_customer_moves_returns', ['workspaceId', 'returnedSeq'], {
  where: 'returned_seq IS NOT NULL',
})
export class CustomerMove {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_customer_moves' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'from_customer_id', type: 'uuid' })
  fromCustomerId!: string;

  @Column({ name: 'to_customer_id', type: 'uuid' })
  toCustomerId!: string;

  @Column({ name: 'conversation_ids', type: 'uuid', array: true, default: () => "'{}'" })
  conversationIds!: string[];

  @Column({ name: 'moved_at', type: 'timestamptz', nullable: true })
  movedAt!: Date | null;

  @Column({
    name: 'returned_conversation_ids',
    type: 'uuid',
    array: true,
    default: () => "'{}'",
  })
  returnedConversationIds!: string[];

  /** The restored customer's channel identities the undo named. */
  @Column({ name: 'returned_identities', type: 'jsonb', default: () => "'[]'" })
  returnedIdentities!: ChannelIdentity[];

  /** The undo's place in the workspace's undos (sequence `customer_move_returns`). */
  @Column({ name: 'returned_seq', type: 'bigint', nullable: true, transformer: bigintToNumber })
  returnedSeq!: number | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;
}
